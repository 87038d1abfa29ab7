import type { RecordedEvent } from '@portal/event-store';
import { parseRecordStream } from '@portal/domain';
import { READ_MODELS, type CommentDoc, type RecordDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { DocumentKey, Projection } from './projection';
import { actorRef, occurredAt } from './tracking';

interface CommentPostedData {
  commentId: string;
  text: string;
  isInternal: boolean;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Whether an update may have moved the record to other accounts or contacts (links are `…Id(s)` fields). */
function touchesLinks(event: RecordedEvent): boolean {
  const changes = (event.data as { changes?: Record<string, unknown> }).changes ?? {};
  return Object.keys(changes).some((field) => /Ids?$/.test(field));
}

/**
 * comments: a record's stream. Each comment carries the record's accountIds/contactIds, so lists
 * of comments are scoped like the record; they follow the record when its links change.
 * Runs after the records projection, whose document for the event's record is then current.
 */
export const commentsProjection: Projection = {
  name: 'comments',
  collections: [
    {
      name: READ_MODELS.comments,
      indexes: [{ name: 'record_created', paths: ['recordId', 'createdAt'] }],
      // A link change finds the record's comments by recordId.
      queriedWhileProjecting: true,
    },
  ],
  reads(event: RecordedEvent): DocumentKey[] {
    const stream = parseRecordStream(event.stream);
    if (!stream || (event.type !== 'CommentPosted' && event.type !== 'RecordUpdated')) return [];
    return [{ name: READ_MODELS.records, id: stream.id }];
  },
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const stream = parseRecordStream(event.stream);
    if (!stream) return;
    if (event.type === 'CommentPosted') {
      const data = event.data as unknown as CommentPostedData;
      const record = await docs.get<RecordDoc>(READ_MODELS.records, stream.id);
      const comment: CommentDoc = {
        id: data.commentId,
        recordId: stream.id,
        entityType: stream.entityType,
        text: data.text,
        isInternal: data.isInternal === true,
        createdAt: occurredAt(event),
        createdBy: actorRef(event.metadata.actor),
        accountIds: [...(record?.accountIds ?? [])],
        contactIds: [...(record?.contactIds ?? [])],
      };
      docs.put(READ_MODELS.comments, comment);
      return;
    }
    if (event.type !== 'RecordUpdated' || !touchesLinks(event)) return;
    const record = await docs.get<RecordDoc>(READ_MODELS.records, stream.id);
    if (!record) return;
    const { items } = await docs.find<CommentDoc>(READ_MODELS.comments, {
      filter: { kind: 'eq', path: 'recordId', value: stream.id },
    });
    for (const comment of items) {
      if (sameIds(comment.accountIds, record.accountIds) && sameIds(comment.contactIds, record.contactIds))
        continue;
      const moved: CommentDoc = {
        ...comment,
        accountIds: [...record.accountIds],
        contactIds: [...record.contactIds],
      };
      docs.put(READ_MODELS.comments, moved);
    }
  },
};
