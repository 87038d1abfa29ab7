import type { CommentDoc } from '@portal/read-models';

/** A comment as staff see it, internal ones included. */
export function staffCommentView(doc: CommentDoc) {
  return {
    id: doc.id,
    text: doc.text,
    isInternal: doc.isInternal,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
  };
}
