import {
  historyChanges,
  type AttachmentAdded,
  type AttachmentRemoved,
  type CommentAttachmentsLinked,
  type CommentPosted,
  type FieldChanges,
  type RecordEvent,
} from '@portal/domain';
import type { ActorRef } from '@portal/read-models';
import { z } from 'zod';
import { named } from '../../openapi/api-schemas';
import { actorRefSchema, isoTime } from '../../openapi/shared-answers';
import { actorRef, type RecordStreamEvent } from '../record-document';

export const historyEntrySchema = named(
  'HistoryEntry',
  z.object({
    event: z.string().describe('The event type, e.g. RecordCreated, CaseStatusChanged'),
    at: isoTime,
    revision: z.int().min(0),
    actor: actorRefSchema,
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    comment: z.object({ id: z.string(), text: z.string(), isInternal: z.boolean() }).optional(),
    attachment: z
      .object({
        id: z.string(),
        name: z.string(),
        size: z.int(),
        contentType: z.string(),
        sha256: z.string(),
        isInternal: z.boolean(),
      })
      .optional()
      .describe(
        'On AttachmentAdded and AttachmentRemoved: the file (its metadata; the bytes are never here)',
      ),
    linked: z
      .object({ commentId: z.string(), attachmentIds: z.array(z.string()) })
      .optional()
      .describe('On CommentAttachmentsLinked: the comment and the files it carries'),
    shareLinkId: z
      .string()
      .optional()
      .describe("On a share link's events: the link (revision is then the link's own stream's)"),
  }),
);

export const recordHistorySchema = named('RecordHistory', z.array(historyEntrySchema));

export interface HistoryEntry {
  event: string;
  at: string;
  revision: number;
  actor: ActorRef;
  changes: FieldChanges;
  /** On CommentPosted only: comments change no field, so the comment itself is the entry's content. */
  comment?: { id: string; text: string; isInternal: boolean };
  /** On AttachmentAdded and AttachmentRemoved: what the file was (metadata, never bytes). */
  attachment?: FileMetadata;
  /** On CommentAttachmentsLinked. */
  linked?: { commentId: string; attachmentIds: string[] };
  /** On share links' events (ShareLinkCreated, …FirstOpened, …Expired, …Revoked). */
  shareLinkId?: string;
}

type FileMetadata = Pick<
  AttachmentAdded['data'],
  'name' | 'size' | 'contentType' | 'sha256' | 'isInternal'
> & {
  id: string;
};

/**
 * The record's stream as history entries, in order. A removal names the file its addition did
 * (AttachmentRemoved carries only the id).
 */
export function historyEntries(events: RecordStreamEvent[]): HistoryEntry[] {
  const files = new Map<string, FileMetadata>();
  return events.map((event) => {
    const entry = historyEntry(event);
    if (entry.attachment) files.set(entry.attachment.id, entry.attachment);
    if (event.type === 'AttachmentRemoved') {
      const file = files.get((event.data as AttachmentRemoved['data']).attachmentId);
      if (file) entry.attachment = file;
    }
    return entry;
  });
}

/** One event of the record's stream as a history entry (the event store is the history). */
export function historyEntry(event: RecordStreamEvent): HistoryEntry {
  const entry: HistoryEntry = {
    event: event.type,
    at: event.metadata.timestamp,
    revision: event.revision,
    actor: actorRef(event.metadata.actor),
    changes: historyChanges({ type: event.type, data: event.data } as RecordEvent),
  };
  if (event.type === 'CommentPosted') {
    const data = event.data as CommentPosted['data'];
    entry.comment = { id: data.commentId, text: data.text, isInternal: data.isInternal };
  } else if (event.type === 'AttachmentAdded') {
    const { attachmentId, name, size, contentType, sha256, isInternal } =
      event.data as AttachmentAdded['data'];
    entry.attachment = { id: attachmentId, name, size, contentType, sha256, isInternal };
  } else if (event.type === 'CommentAttachmentsLinked') {
    const { commentId, attachmentIds } = event.data as CommentAttachmentsLinked['data'];
    entry.linked = { commentId, attachmentIds: [...attachmentIds] };
  }
  return entry;
}
