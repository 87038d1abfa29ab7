import { projectReadable, type EffectivePermissions } from '@portal/acl';
import type { RecordDoc } from '@portal/read-models';

/**
 * A record as a portal user sees it: only the fields their roles let them read (never
 * `isInternal`), beside `id`, `entityType`, the times and the revision (the ETag). Who created or
 * changed it is left out: staff identities are staff business.
 */
export function portalRecordView(doc: RecordDoc, perms: EffectivePermissions): Record<string, unknown> {
  return {
    ...projectReadable(perms, doc.entityType, doc.fields),
    id: doc.id,
    entityType: doc.entityType,
    createdAt: doc.createdAt,
    modifiedAt: doc.modifiedAt,
    revision: doc.revision,
  };
}
