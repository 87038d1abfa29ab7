import { z } from 'zod';
import type { CommentDoc } from '@portal/read-models';
import type { PostedComment } from './comment-document';
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

/** The files a comment carries, in the answer to its post (lists give each file's `commentId`). */
export const postedAttachmentIdsSchema = z
  .array(z.uuid())
  .describe('The files this comment carries; the attachments list names each file’s `commentId`.');

export const staffPostedCommentSchema = named(
  'PostedComment',
  staffCommentViewSchema.extend({ attachmentIds: postedAttachmentIdsSchema }),
);

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

/** The answer to a staff post: the comment and the files it carries. */
export function staffPostedCommentView(doc: PostedComment): z.infer<typeof staffPostedCommentSchema> {
  return { ...staffCommentView(doc), attachmentIds: doc.attachmentIds };
}
