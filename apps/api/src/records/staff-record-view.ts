import { z } from 'zod';
import type { RecordDoc } from '@portal/read-models';
import { named } from '../openapi/api-schemas';
import { listAnswerSchema, trackedShape } from '../openapi/shared-answers';

/** A record as staff see it: its fields (which depend on the entity type) beside these. */
export const staffRecordSchema = named(
  'Record',
  z.looseObject({ id: z.uuid(), entityType: z.string(), ...trackedShape }),
);
export type StaffRecord = z.infer<typeof staffRecordSchema>;

export const staffRecordListSchema = listAnswerSchema('RecordList', staffRecordSchema);

/**
 * A record as staff see it: every field, flattened beside `id` and `entityType`, then who created
 * and last changed it and the revision (the ETag). Service keys come last so a custom field can
 * never mask them.
 */
export function staffRecordView(doc: RecordDoc): StaffRecord {
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
