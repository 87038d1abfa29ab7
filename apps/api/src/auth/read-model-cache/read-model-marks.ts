import { CHANGE_MARKS_BATCH, READ_MODELS, type ChangeMarkDoc, type ReadModelName } from '@portal/read-models';

/** The read models a portal and a portal user's access context are built from (PortalAccessResolver, PortalDirectory). */
export const ACCESS_READ_MODELS = [
  READ_MODELS.portals,
  READ_MODELS.portalUsers,
  READ_MODELS.portalRoles,
] as const;

/** The read model a portal user's record pages and records are read from (PortalRecordReads). */
export const RECORDS_READ_MODELS = [READ_MODELS.records] as const;

/** The change marks a request reads with its session: the batch mark and those of the read models above. */
export const SESSION_MARK_IDS: readonly string[] = [
  CHANGE_MARKS_BATCH,
  ...ACCESS_READ_MODELS,
  ...RECORDS_READ_MODELS,
];

/**
 * What the state of `readModels` is named by, from the change marks read in the same statement as
 * the checkpoint; undefined when the marks cannot say (then caches key on the checkpoint, as
 * before the marks).
 *
 * Why it is exact: the projector writes a batch's documents, its checkpoint and its marks in one
 * transaction, and marks every read model the batch wrote with the batch's checkpoint. While the
 * batch mark's run (`since`) and these read models' marks stay the same, no committed batch wrote
 * them, so reading them again gives the same documents. A batch applied without marks (a projector
 * of an older version on this generation) would leave them unchanged although it wrote: the batch
 * mark then lags the checkpoint, which this refuses, and the next marked batch starts a new run,
 * so nothing cached before is answered again. A read model without a mark has not been written in
 * this run; whatever was written before it is older than the run, hence older than any value keyed
 * on it. Marks and checkpoints only grow within a generation, and the key carries the generation's
 * projection name.
 */
function marksOf(
  marks: readonly ChangeMarkDoc[],
  checkpoint: number | undefined,
  readModels: readonly ReadModelName[],
): string | undefined {
  const byId = new Map(marks.map((mark) => [mark.id as string, mark]));
  const batch = byId.get(CHANGE_MARKS_BATCH);
  if (checkpoint === undefined || batch?.position !== checkpoint || batch.since === undefined)
    return undefined;
  return [batch.since, ...readModels.map((name) => byId.get(name)?.position ?? '-')].join(':');
}

/** The state of portals, portal users and roles (ACCESS_READ_MODELS), by their marks. */
export function accessMarksOf(
  marks: readonly ChangeMarkDoc[],
  checkpoint: number | undefined,
): string | undefined {
  return marksOf(marks, checkpoint, ACCESS_READ_MODELS);
}

/** The state of the records read model (its documents and its counts, written together), by its mark. */
export function recordsMarksOf(
  marks: readonly ChangeMarkDoc[],
  checkpoint: number | undefined,
): string | undefined {
  return marksOf(marks, checkpoint, RECORDS_READ_MODELS);
}
