import type { BlobStore } from '../blob-store.port';

/** What the sweeper asks of the side that knows which blobs events reference. */
export interface BlobReferences {
  /**
   * Resolves true once every event appended before the call is visible to `isReferenced` (the read
   * models caught up with the head); false when that did not happen in time: the sweep is skipped.
   */
  caughtUp(): Promise<boolean>;
  /** Whether any attached (not removed) file holds these bytes. */
  isReferenced(sha256: string): Promise<boolean>;
}

export interface BlobSweeperOptions {
  store: BlobStore;
  references: BlobReferences;
  /** Blobs (and temporary files) younger than this are left alone: their event may not be appended yet. */
  graceMs: number;
  /** Pause between sweeps. */
  intervalMs: number;
  /** One JSON log line per sweep: counts only, never a name or a hash. */
  log: (fields: Record<string, unknown>, message: string) => void;
  now?: () => number;
}

export interface BlobSweepResult {
  /** Blobs looked at. */
  checked: number;
  /** Younger than the grace period: kept. */
  young: number;
  /** Held by an attached file: kept. */
  referenced: number;
  deleted: number;
  bytesDeleted: number;
  /** Temporary files or unfinished uploads older than the grace period, removed. */
  incompleteRemoved: number;
  /** Why nothing was looked at (the read models were behind), if so. */
  skipped?: string;
}

/**
 * Deletes the bytes no event references any more: an upload whose AttachmentAdded was refused or
 * never appended, and files removed from their records. A blob is taken only when it is older than
 * the grace period, the read models had caught up with the head when the sweep began, no attached
 * file holds it, and the store's conditional delete still finds it old (a new upload of the same
 * bytes renews its time before its event is appended).
 */
export class BlobSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly options: BlobSweeperOptions) {}

  /** Sweeps after one interval, then every interval (a restart does not sweep at once). */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async sweep(): Promise<BlobSweepResult> {
    const { store, references, graceMs } = this.options;
    const now = this.options.now ?? Date.now;
    const started = now();
    const result: BlobSweepResult = {
      checked: 0,
      young: 0,
      referenced: 0,
      deleted: 0,
      bytesDeleted: 0,
      incompleteRemoved: 0,
    };
    const cutoff = started - graceMs;
    if (!(await references.caughtUp())) {
      result.skipped = 'read models behind the event store';
      this.report(result, started);
      return result;
    }
    result.incompleteRemoved = await store.removeIncomplete(new Date(cutoff));
    for await (const blob of store.list()) {
      if (this.stopped) break;
      result.checked++;
      if (blob.storedAt.getTime() >= cutoff) {
        result.young++;
      } else if (await references.isReferenced(blob.sha256)) {
        result.referenced++;
      } else if (await store.deleteIfStoredBefore(blob.sha256, new Date(cutoff))) {
        result.deleted++;
        result.bytesDeleted += blob.size;
      } else {
        // Stored again since the listing (an upload on its way), or gone already.
        result.young++;
      }
    }
    this.report(result, started);
    return result;
  }

  private report(result: BlobSweepResult, started: number): void {
    const now = this.options.now ?? Date.now;
    this.options.log(
      { blobSweep: { ...result, store: this.options.store.kind, ms: now() - started } },
      result.skipped
        ? `blob sweep skipped: ${result.skipped}`
        : `blob sweep: ${result.deleted} unreferenced blob(s) deleted of ${result.checked}`,
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.options.intervalMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.running = this.sweep().catch((error: unknown) => {
      this.options.log({ blobSweep: { error: (error as Error).message } }, 'blob sweep failed');
    });
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule();
  }
}
