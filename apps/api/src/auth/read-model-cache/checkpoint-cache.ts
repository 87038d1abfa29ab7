/** Where the read models stood when a request began: the active generation's projector checkpoint. */
export interface ReadModelsAt {
  projection: string;
  checkpoint: number;
  /**
   * The state of the access read models (portals, portal users, roles) by their change marks
   * (read-model-marks.ts); when present, access values are keyed on it instead of on the checkpoint.
   */
  accessMarks?: string;
  /** The state of the records read model by its change mark: the same for record pages and records. */
  recordsMarks?: string;
}

/** What a cached value is valid for, given where the read models stood (with the projection name). */
export type VersionOf = (at: ReadModelsAt) => string;

/** Values built from the access read models: their marks where known, else the checkpoint. */
export const accessVersionOf: VersionOf = (at) =>
  at.accessMarks !== undefined ? `marks ${at.accessMarks}` : `checkpoint ${at.checkpoint}`;

/** Values built from the records read model: its mark where known, else the checkpoint. */
export const recordsVersionOf: VersionOf = (at) =>
  at.recordsMarks !== undefined ? `marks ${at.recordsMarks}` : `checkpoint ${at.checkpoint}`;

export interface CheckpointCacheOptions<V> {
  /** Default: accessVersionOf. */
  versionOf?: VersionOf;
  /** Default: 10,000. */
  maxEntries?: number;
  /** With `sizeOf`: the sum of the sizes of the values kept stays at most this. */
  maxSize?: number;
  sizeOf?: (value: V) => number;
}

interface Entry<V> {
  value: V;
  projection: string;
  version: string;
  size: number;
}

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
 * session read also brings the change marks of the read models these values are built from, and
 * where they can tell, values are keyed on them (`versionOf`): the same argument, with "no batch
 * wrote these read models" in place of "no batch at all" (read-model-marks.ts says why the marks
 * tell exactly that).
 */
export class CheckpointCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly versionOf: VersionOf;
  private readonly maxEntries: number;
  private readonly maxSize: number;
  private size = 0;

  constructor(private readonly options: CheckpointCacheOptions<V> = {}) {
    this.versionOf = options.versionOf ?? accessVersionOf;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxSize = options.sizeOf ? (options.maxSize ?? Infinity) : Infinity;
  }

  get(key: string, at: ReadModelsAt | undefined): V | undefined {
    const entry = at ? this.entries.get(key) : undefined;
    if (!entry || !at) return undefined;
    if (entry.projection !== at.projection || entry.version !== this.versionOf(at)) return undefined;
    return entry.value;
  }

  /** Keeps `value` for requests at `at` (none without a checkpoint: the read models are not there yet). */
  set(key: string, value: V, at: ReadModelsAt | undefined): void {
    if (!at) return;
    const size = this.options.sizeOf?.(value) ?? 0;
    this.remove(key);
    if (size > this.maxSize) return;
    // Re-inserting keeps the map in least-recently-set order for eviction.
    this.entries.set(key, { value, projection: at.projection, version: this.versionOf(at), size });
    this.size += size;
    while (this.entries.size > this.maxEntries || this.size > this.maxSize)
      this.remove(this.entries.keys().next().value as string);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.size -= entry.size;
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
