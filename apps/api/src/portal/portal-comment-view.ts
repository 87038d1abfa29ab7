import type { CommentDoc } from '@portal/read-models';

/** A comment as a portal user sees it (only public ones ever reach this): who wrote it by name and kind. */
export function portalCommentView(doc: CommentDoc) {
  return {
    id: doc.id,
    text: doc.text,
    createdAt: doc.createdAt,
    createdBy: { type: doc.createdBy.type, name: doc.createdBy.name },
  };
}
