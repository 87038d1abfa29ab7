import { z } from 'zod';
import type { CommentDoc } from '@portal/read-models';
import { named } from '../openapi/api-schemas';
import { actorRefSchema, isoTime, listAnswerSchema } from '../openapi/shared-answers';

export const staffCommentViewSchema = named(
  'Comment',
  z.object({
    id: z.uuid(),
    text: z.string(),
    isInternal: z.boolean(),
    createdAt: isoTime,
    createdBy: actorRefSchema,
  }),
);
export type StaffComment = z.infer<typeof staffCommentViewSchema>;

export const staffCommentListSchema = listAnswerSchema('CommentList', staffCommentViewSchema);

/** A comment as staff see it, internal ones included. */
export function staffCommentView(doc: CommentDoc): StaffComment {
  return {
    id: doc.id,
    text: doc.text,
    isInternal: doc.isInternal,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
  };
}
