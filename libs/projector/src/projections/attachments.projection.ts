import type { RecordedEvent } from '@portal/event-store';
import {
  parseRecordStream,
  type AttachmentAdded,
  type AttachmentRemoved,
  type CommentAttachmentsLinked,
} from '@portal/domain';
import { READ_MODELS, type AttachmentDoc, type CommentDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from './projection';
import { actorRef, occurredAt } from './tracking';

/**
 * attachments: the files attached to records, without bytes. A removed file's document is deleted
 * (the record's history keeps its metadata); the blob sweeper collects bytes no document holds.
 * Runs after the comments projection, whose document tells whether a linking comment is internal.
 */
export const attachmentsProjection: Projection = {
  name: 'attachments',
  collections: [
    {
      name: READ_MODELS.attachments,
      indexes: [
        { name: 'record_created', paths: ['recordId', 'createdAt'] },
        { name: 'sha256', paths: ['sha256'] },
      ],
    },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const stream = parseRecordStream(event.stream);
    if (!stream) return;
    if (event.type === 'AttachmentAdded') {
      const data = event.data as unknown as AttachmentAdded['data'];
      const doc: AttachmentDoc = {
        id: data.attachmentId,
        recordId: stream.id,
        entityType: stream.entityType,
        name: data.name,
        size: data.size,
        contentType: data.contentType,
        sha256: data.sha256,
        isInternal: data.isInternal === true,
        commentId: null,
        commentIsInternal: false,
        portalUserId: data.portalUserId ?? null,
        createdAt: occurredAt(event),
        createdBy: actorRef(event.metadata.actor),
      };
      docs.put(READ_MODELS.attachments, doc);
    } else if (event.type === 'AttachmentRemoved') {
      docs.delete(READ_MODELS.attachments, (event.data as unknown as AttachmentRemoved['data']).attachmentId);
    } else if (event.type === 'CommentAttachmentsLinked') {
      const data = event.data as unknown as CommentAttachmentsLinked['data'];
      const comment = await docs.get<CommentDoc>(READ_MODELS.comments, data.commentId);
      for (const id of data.attachmentIds) {
        const doc = await docs.get<AttachmentDoc>(READ_MODELS.attachments, id);
        if (!doc) continue;
        const linked: AttachmentDoc = {
          ...doc,
          commentId: data.commentId,
          commentIsInternal: comment?.isInternal === true,
        };
        docs.put(READ_MODELS.attachments, linked);
      }
    }
  },
};
