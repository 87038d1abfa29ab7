/**
 * Version of what the projections write. Bump it with any change to a document's shape or to how
 * events map to documents: a projector finding another version stored rebuilds by itself
 * (blue-green, the API keeps reading the old generation until the switch).
 */
export const PROJECTION_VERSION = 6;
