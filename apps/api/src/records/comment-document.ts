import type { AclRecord } from '@portal/acl';
import type { CommentPosted } from '@portal/domain';
import type { CommentDoc } from '@portal/read-models';
import { actorRef, type RecordStreamEvent } from './record-document';

/** The comment document a just-appended CommentPosted will be projected to. */
export function commentDocFrom(event: RecordStreamEvent, record: AclRecord): CommentDoc {
  const data = event.data as CommentPosted['data'];
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
  };
}
