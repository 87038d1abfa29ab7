import { z } from 'zod';
import type { CommentDoc } from '@portal/read-models';
import type { PostedComment } from '../records/comment-document';
import { postedAttachmentIdsSchema } from '../records/comment-view';
import { named } from '../openapi/api-schemas';
import { isoTime, listAnswerSchema } from '../openapi/shared-answers';

export const portalCommentViewSchema = named(
  'PortalComment',
  z.object({
    id: z.uuid(),
    text: z.string(),
    createdAt: isoTime,
    createdBy: z.object({ type: z.enum(['staff', 'portalUser', 'system']), name: z.string() }),
  }),
);
export type PortalComment = z.infer<typeof portalCommentViewSchema>;

export const portalPostedCommentSchema = named(
  'PortalPostedComment',
  portalCommentViewSchema.extend({ attachmentIds: postedAttachmentIdsSchema }),
);

export const portalCommentListSchema = listAnswerSchema('PortalCommentList', portalCommentViewSchema);

/** A comment as a portal user sees it (only public ones ever reach this): who wrote it by name and kind. */
export function portalCommentView(doc: CommentDoc): PortalComment {
  return {
    id: doc.id,
    text: doc.text,
    createdAt: doc.createdAt,
    createdBy: { type: doc.createdBy.type, name: doc.createdBy.name },
  };
}

/** The answer to a portal user's post: the comment and their files it carries. */
export function portalPostedCommentView(doc: PostedComment): z.infer<typeof portalPostedCommentSchema> {
  return { ...portalCommentView(doc), attachmentIds: doc.attachmentIds };
}
