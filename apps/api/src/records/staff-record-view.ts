import type { RecordDoc } from '@portal/read-models';

/**
 * A record as staff see it: every field, flattened beside `id` and `entityType`, then who created
 * and last changed it and the revision (the ETag). Service keys come last so a custom field can
 * never mask them.
 */
export function staffRecordView(doc: RecordDoc): Record<string, unknown> {
  return {
    ...doc.fields,
    id: doc.id,
    entityType: doc.entityType,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    modifiedAt: doc.modifiedAt,
    modifiedBy: doc.modifiedBy,
    revision: doc.revision,
  };
}
