/**
 * Version of what the projections write. Bump it with any change to a document's shape or to how
 * events map to documents, or when an index is replaced (a generation keeps the indexes it was
 * built with; new ones are added to it, old ones go only with it): a projector finding another
 * version stored rebuilds by itself (blue-green, the API keeps reading the old generation until
 * the switch). 7: the records' (entityType, deleted) index replaced by one in the lists' order.
 * 8: the aggregate states stored opaque (text in SQL stores, not jsonb). 9: the records' string
 * and boolean paths indexed as text and booleans (CollectionOptions.pathTypes), not JSONB.
 */
export const PROJECTION_VERSION = 9;
