import { CHANGE_MARKS_BATCH, READ_MODELS, type ChangeMarkDoc } from '@portal/read-models';

/** The read models a portal and a portal user's access context are built from (PortalAccessResolver, PortalDirectory). */
export const ACCESS_READ_MODELS = [
  READ_MODELS.portals,
  READ_MODELS.portalUsers,
  READ_MODELS.portalRoles,
] as const;

/** The change marks a request reads with its session: the batch mark and those of ACCESS_READ_MODELS. */
export const ACCESS_MARK_IDS: readonly string[] = [CHANGE_MARKS_BATCH, ...ACCESS_READ_MODELS];

/**
 * What the access read models' state is named by, from their change marks read in the same
 * statement as the checkpoint; undefined when the marks cannot say (then caches key on the
 * checkpoint, as before the marks).
 *
 * Why it is exact: the projector writes a batch's documents, its checkpoint and its marks in one
 * transaction, and marks every read model the batch wrote with the batch's checkpoint. While the
 * batch mark's run (`since`) and the three read models' marks stay the same, no committed batch
 * wrote portals, portal users or roles, so reading them again gives the same documents. A batch
 * applied without marks (a projector of an older version on this generation) would leave them
 * unchanged although it wrote: the batch mark then lags the checkpoint, which this refuses, and
 * the next marked batch starts a new run, so nothing cached before is answered again. A read model
 * without a mark has not been written in this run; whatever was written before it is older than
 * the run, hence older than any value keyed on it. Marks and checkpoints only grow within a
 * generation, and the key carries the generation's projection name.
 */
export function accessMarksOf(
  marks: readonly ChangeMarkDoc[],
  checkpoint: number | undefined,
): string | undefined {
  const byId = new Map(marks.map((mark) => [mark.id as string, mark]));
  const batch = byId.get(CHANGE_MARKS_BATCH);
  if (checkpoint === undefined || batch?.position !== checkpoint || batch.since === undefined)
    return undefined;
  return [batch.since, ...ACCESS_READ_MODELS.map((name) => byId.get(name)?.position ?? '-')].join(':');
}
