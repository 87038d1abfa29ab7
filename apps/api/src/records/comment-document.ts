import type { AclRecord } from '@portal/acl';
import type { CommentAttachmentsLinked, CommentPosted } from '@portal/domain';
import type { CommentDoc } from '@portal/read-models';
import { actorRef, type RecordStreamEvent } from './record-document';

/** A comment just posted, with the files it carries (the answer to a post, not a read model). */
export interface PostedComment extends CommentDoc {
  attachmentIds: string[];
}

/**
 * The comment document a just-appended CommentPosted will be projected to, and the files its
 * CommentAttachmentsLinked (if any) carries.
 */
export function commentDocFrom(appended: RecordStreamEvent[], record: AclRecord): PostedComment {
  const event = appended.find((e) => e.type === 'CommentPosted');
  if (!event) throw new Error('A posted comment must append CommentPosted');
  const data = event.data as CommentPosted['data'];
  const linked = appended.find((e) => e.type === 'CommentAttachmentsLinked');
  return {
    id: data.commentId,
    recordId: record.id,
    entityType: data.entityType,
    text: data.text,
    isInternal: data.isInternal,
    createdAt: event.metadata.timestamp,
    createdBy: actorRef(event.metadata.actor),
    accountIds: record.accountIds,
    contactIds: record.contactIds,
    attachmentIds: linked ? [...(linked.data as CommentAttachmentsLinked['data']).attachmentIds] : [],
  };
}
