import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * What bounds the embedded database's memory. PGlite is Postgres in a WebAssembly heap that grows
 * and never shrinks, and the process's peak RSS keeps its high-water mark: Postgres' shared
 * buffers (default 128MB) sit in that heap for good, and the first start's initdb alone peaks
 * at ~800 MiB in a process.
 */
export interface PgliteMemorySettings {
  /** Postgres' buffer cache inside the heap, e.g. `32MB` (EMBEDDED_SHARED_BUFFERS). */
  sharedBuffers: string;
  /**
   * Postgres' default_statistics_target (EMBEDDED_STATISTICS_TARGET; unset: the default below).
   * ANALYZE holds a sample of 300 rows per unit of it in the heap, whole rows (a read model's row
   * is a document): at Postgres' 100, 30,000 documents, which grew the heap's resident part by
   * 40–60 MiB at 100,000 cases, for good. The planner gets that many fewer most-common values and
   * histogram buckets per index expression.
   */
  statisticsTarget?: number;
}

/**
 * Enough to keep a portal's hot pages (sessions, roles, the first pages of lists) cached, and an
 * ANALYZE sample of 9,000 rows.
 */
export const DEFAULT_PGLITE_MEMORY: Required<PgliteMemorySettings> = {
  sharedBuffers: '32MB',
  statisticsTarget: 30,
};

const MEMORY_SIZE = /^[1-9]\d*(kB|MB|GB)$/;

export function isPgliteMemorySize(value: string): boolean {
  return MEMORY_SIZE.test(value);
}

/** A statistics target Postgres takes (1 to 10,000). */
export function isStatisticsTarget(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 10_000;
}

/** PGlite's own start parameters (single-user mode and the rest) plus the memory settings. */
export function pgliteStartParams(defaults: readonly string[], memory: PgliteMemorySettings): string[] {
  if (!isPgliteMemorySize(memory.sharedBuffers)) {
    throw new Error(`shared buffers must be a size such as 32MB, got '${memory.sharedBuffers}'`);
  }
  const statisticsTarget = memory.statisticsTarget ?? DEFAULT_PGLITE_MEMORY.statisticsTarget;
  if (!isStatisticsTarget(statisticsTarget)) {
    throw new Error(`the statistics target must be a whole number from 1 to 10000, got ${statisticsTarget}`);
  }
  return [
    ...defaults,
    '-c',
    `shared_buffers=${memory.sharedBuffers}`,
    '-c',
    `default_statistics_target=${statisticsTarget}`,
  ];
}

const run = promisify(execFile);

// Runs in the child: creates the database (initdb) and closes it.
const INITDB_SCRIPT = `
const [pglite, dir] = process.argv.slice(1);
require(pglite).PGlite.create(dir).then((db) => db.close()).catch((error) => {
  console.error(error && error.message);
  process.exit(1);
});`;

/**
 * Creates the database of a new data directory in a short-lived child process: initdb makes
 * PGlite's heap peak at ~800 MiB, which a process keeps as its peak RSS (and mostly as its RSS)
 * for good. The service then opens an initialised directory, which costs a fraction of that.
 */
export async function initialiseDataDirInChild(dataDir: string, pgliteEntry: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  await run(process.execPath, ['-e', INITDB_SCRIPT, pgliteEntry, dataDir], { timeout: 300_000 });
}
