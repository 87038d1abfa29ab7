import { OPERATIONAL } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';

/** The pointer every process reads (ReadModelNames): which generation the API serves. */
export interface ActiveGeneration {
  id: 'active';
  generation: number;
  /** PROJECTION_VERSION of the code that built it. */
  projectionVersion: number;
  switchedAt: string | null;
  [key: string]: unknown;
}

export const ACTIVE_ID = 'active';

export async function readActiveGeneration(store: ReadStore): Promise<ActiveGeneration | null> {
  return store.get<ActiveGeneration>(OPERATIONAL.readModelMeta, ACTIVE_ID);
}

export async function writeActiveGeneration(store: ReadStore, active: ActiveGeneration): Promise<void> {
  await store.ensureCollection(OPERATIONAL.readModelMeta);
  await store.write(async (tx) => tx.put(OPERATIONAL.readModelMeta, active));
}

/**
 * The active generation, created (generation 1, this code's version) on a first start. Processes
 * starting together may both create it: they write the same pointer.
 */
export async function ensureActiveGeneration(store: ReadStore, version: number): Promise<ActiveGeneration> {
  await store.ensureCollection(OPERATIONAL.readModelMeta);
  const existing = await readActiveGeneration(store);
  if (existing) return existing;
  const created: ActiveGeneration = {
    id: ACTIVE_ID,
    generation: 1,
    projectionVersion: version,
    switchedAt: null,
  };
  await writeActiveGeneration(store, created);
  return created;
}
