import { z } from 'zod';

const MAX_FIELDS = 200;
const MAX_LIST = 1_000;

/** One field value as JSON may carry it: a scalar, or a list of scalars (id lists, multi-enums). */
const fieldValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])).max(MAX_LIST),
]);

/**
 * The body of a record create or update: an object of field values. Only the JSON shape is checked
 * here (400); which fields exist and what they may hold is the entity type's business (422).
 */
export const recordFieldsSchema = z
  .record(z.string(), fieldValue)
  .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, {
    message: `at most ${MAX_FIELDS} fields`,
  });

export type RecordFieldsBody = z.infer<typeof recordFieldsSchema>;

/** A staff comment. */
/** Files already uploaded to the record that a new comment carries (at most 20, no repeats). */
export const commentAttachmentIdsSchema = z
  .array(z.uuid())
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a file twice')
  .optional();

export const staffCommentSchema = z.strictObject({
  text: z.string().max(100_000),
  isInternal: z.boolean().optional(),
  attachmentIds: commentAttachmentIdsSchema,
});
