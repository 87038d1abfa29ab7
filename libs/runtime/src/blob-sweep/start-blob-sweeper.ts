import { BlobSweeper, openBlobStore, type BlobStore } from '@portal/blob-store';
import type { EventStore } from '@portal/event-store';
import type { ServiceConfig, ServiceLogger } from '@portal/platform';
import type { ReadStore } from '@portal/read-store';
import { readModelBlobReferences } from './read-model-blob-references';

export interface BlobSweepOptions {
  /** Overrides BLOB_SWEEP_GRACE_HOURS (tests). */
  graceMs?: number;
  /** Overrides BLOB_SWEEP_INTERVAL_MINUTES (tests). */
  intervalMs?: number;
  /** The store to sweep; default the one BLOB_STORE names (opened and closed here). */
  store?: BlobStore;
}

export interface RunningBlobSweeper {
  sweeper: BlobSweeper;
  stop(): Promise<void>;
}

/**
 * The blob sweeper of the projector role: one per deployment, next to the read models it consults.
 * Its log lines carry `component: blob-sweeper` and counts only.
 */
export async function startBlobSweeper(
  config: ServiceConfig,
  stores: { eventStore: EventStore; readStore: ReadStore },
  log: ServiceLogger,
  options: BlobSweepOptions = {},
): Promise<RunningBlobSweeper> {
  const store = options.store ?? (await openBlobStore(config.blobStore ?? 'embedded', config.dataDir));
  const child = log.child({ component: 'blob-sweeper' });
  const sweeper = new BlobSweeper({
    store,
    references: readModelBlobReferences(stores.eventStore, stores.readStore),
    graceMs: options.graceMs ?? (config.blobSweepGraceHours ?? 24) * 3_600_000,
    intervalMs: options.intervalMs ?? (config.blobSweepIntervalMinutes ?? 60) * 60_000,
    log: (fields, message) => child.info(fields, message),
  });
  sweeper.start();
  return {
    sweeper,
    async stop() {
      await sweeper.stop();
      if (!options.store) await store.close();
    },
  };
}
