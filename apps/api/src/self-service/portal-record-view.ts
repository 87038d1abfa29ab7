import { z } from 'zod';
import { projectReadable, type EffectivePermissions } from '@portal/acl';
import type { RecordDoc } from '@portal/read-models';
import { named } from '../openapi/api-schemas';
import { createdIdSchema, isoTime, listAnswerSchema } from '../openapi/shared-answers';

/** A record as a portal user sees it: the fields their roles let them read beside these. */
export const portalRecordSchema = named(
  'PortalRecord',
  z.looseObject({
    id: z.uuid(),
    entityType: z.string(),
    createdAt: isoTime,
    modifiedAt: isoTime,
    revision: z.int().min(0).describe('Stream revision; the ETag is this number quoted'),
  }),
);
export type PortalRecord = z.infer<typeof portalRecordSchema>;

/** The answer of a create: the record as its creator may read it, or `{ id }` alone when they may not read it. */
export const createdPortalRecordSchema = named(
  'CreatedPortalRecord',
  z.union([portalRecordSchema, createdIdSchema]),
);

export const portalRecordListSchema = listAnswerSchema('PortalRecordList', portalRecordSchema);

/**
 * A record as a portal user sees it: only the fields their roles let them read (never
 * `isInternal`), beside `id`, `entityType`, the times and the revision (the ETag). Who created or
 * changed it is left out: staff identities are staff business.
 */
export function portalRecordView(doc: RecordDoc, perms: EffectivePermissions): PortalRecord {
  return {
    ...projectReadable(perms, doc.entityType, doc.fields),
    id: doc.id,
    entityType: doc.entityType,
    createdAt: doc.createdAt,
    modifiedAt: doc.modifiedAt,
    revision: doc.revision,
  };
}
