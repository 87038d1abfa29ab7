/** Where the read models stood when a request began: the active generation's projector checkpoint. */
export interface ReadModelsAt {
  projection: string;
  checkpoint: number;
  /**
   * The state of the access read models (portals, portal users, roles) by their change marks
   * (access-marks.ts); when present, values are keyed on it instead of on the checkpoint.
   */
  accessMarks?: string;
}

/** What a cached value is valid for: the access read models' marks where known, else the checkpoint. */
function versionOf(at: ReadModelsAt): string {
  return at.accessMarks !== undefined ? `marks ${at.accessMarks}` : `checkpoint ${at.checkpoint}`;
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
 * projector moved (any event, related or not): cheap where reads outnumber writes, but under
 * writes (each case a portal user creates moves the checkpoint) every request rebuilt it. So the
 * session read also brings the change marks of the read models these values are built from
 * (portals, portal users, roles: every value here is), and where they can tell (`accessMarks`),
 * values are keyed on them: the same argument, with "no batch wrote these read models" in place
 * of "no batch at all" (access-marks.ts says why the marks tell exactly that).
 */
export class CheckpointCache<V> {
  private readonly entries = new Map<string, { value: V; at: ReadModelsAt }>();

  get(key: string, at: ReadModelsAt | undefined): V | undefined {
    const entry = at ? this.entries.get(key) : undefined;
    if (!entry || !at) return undefined;
    if (entry.at.projection !== at.projection || versionOf(entry.at) !== versionOf(at)) return undefined;
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
