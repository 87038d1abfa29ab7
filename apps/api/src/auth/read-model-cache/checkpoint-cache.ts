/** Where the read models stood when a request began: the active generation's projector checkpoint. */
export interface ReadModelsAt {
  projection: string;
  checkpoint: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Values built from the read models, each kept with the checkpoint the read models had when it was
 * built, and answered only to a request that finds the read models at that very checkpoint.
 *
 * Why this is exact: the projector writes documents and its checkpoint in one transaction, so while
 * the checkpoint has not moved no read-model document has changed, and reading the documents again
 * would give the same value. A value is built from documents read after the checkpoint was read,
 * so they are at least that new; a checkpoint only grows, so no later request can find an older
 * one. A role, portal or portal-user change thus reaches the very next request that finds the
 * read models past it (with a consistency token: the request that waited for it), in every process,
 * exactly as when every request read the documents. The price is one checkpoint read per request,
 * which the session read carries (ReadStore.getWithCheckpoint), and a rebuilt value whenever the
 * projector moved (any event, related or not): cheap where reads outnumber writes.
 */
export class CheckpointCache<V> {
  private readonly entries = new Map<string, { value: V; at: ReadModelsAt }>();

  get(key: string, at: ReadModelsAt | undefined): V | undefined {
    const entry = at ? this.entries.get(key) : undefined;
    if (!entry || !at) return undefined;
    if (entry.at.projection !== at.projection || entry.at.checkpoint !== at.checkpoint) return undefined;
    return entry.value;
  }

  /** Keeps `value` for requests at `at` (none without a checkpoint: the read models are not there yet). */
  set(key: string, value: V, at: ReadModelsAt | undefined): void {
    if (!at) return;
    // Re-inserting keeps the map in least-recently-set order for eviction.
    this.entries.delete(key);
    this.entries.set(key, { value, at });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Freezes a cached value all the way down: requests share it, so none may change it. */
export function deepFrozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFrozen(child);
  }
  return value;
}
