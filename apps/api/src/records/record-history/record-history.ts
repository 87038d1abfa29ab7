import { historyChanges, type CommentPosted, type FieldChanges, type RecordEvent } from '@portal/domain';
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
  /** On share links' events (ShareLinkCreated, …FirstOpened, …Expired, …Revoked). */
  shareLinkId?: string;
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
  }
  return entry;
}
