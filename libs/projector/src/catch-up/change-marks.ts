import { CHANGE_MARKS, CHANGE_MARKS_BATCH, type ChangeMarkDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import type { GenerationDocuments } from '../documents/generation-documents';

interface LastBatch {
  position: number;
  since: number;
}

/** The batch mark this process last committed, per store and generation. */
const committed = new WeakMap<ReadStore, Map<number, LastBatch>>();

/**
 * Puts the change marks of a batch (CHANGE_MARKS in @portal/read-models) into its documents, to
 * commit with them and the checkpoint: each read model it wrote is marked `reached`, and so is the
 * batch mark. The run of marked batches goes on (`since` kept) only when the batch before this one
 * is the one this process marked last: a batch in between was applied by someone else, who may not
 * have kept the marks, and a new run starts. Call `markCommitted` once the transaction committed.
 */
export function putChangeMarks(
  store: ReadStore,
  docs: GenerationDocuments,
  before: number | undefined,
  reached: number,
): LastBatch {
  const last = committed.get(store)?.get(docs.generation);
  const since = last !== undefined && last.position === before ? last.since : reached;
  const marks: ChangeMarkDoc[] = [...docs.changed].map((name) => ({ id: name, position: reached }));
  marks.push({ id: CHANGE_MARKS_BATCH, position: reached, since });
  for (const mark of marks) docs.put(CHANGE_MARKS, mark);
  return { position: reached, since };
}

export function markCommitted(store: ReadStore, generation: number, batch: LastBatch): void {
  let byGeneration = committed.get(store);
  if (!byGeneration) committed.set(store, (byGeneration = new Map()));
  byGeneration.set(generation, batch);
}
