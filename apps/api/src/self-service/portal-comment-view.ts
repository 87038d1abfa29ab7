import { z } from 'zod';
import type { CommentDoc } from '@portal/read-models';
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
