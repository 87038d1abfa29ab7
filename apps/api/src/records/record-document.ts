import {
  evolveRecord,
  initialRecordState,
  recordExists,
  toAclRecord,
  type EntityTypeDefinition,
  type RecordEvent,
  type RecordState,
} from '@portal/domain';
import type { EventMetadata } from '@portal/event-store';
import type { ActorRef, RecordDoc } from '@portal/read-models';

/** An event of a record's stream with what the document needs of its metadata (stored or just appended). */
export interface RecordStreamEvent {
  type: string;
  data: unknown;
  metadata: Pick<EventMetadata, 'actor' | 'timestamp'>;
  revision: number;
}

/** Comments are posted on a record's stream but do not change the record (EspoCRM keeps modifiedAt). */
export function changesTheRecord(eventType: string): boolean {
  return eventType !== 'CommentPosted';
}

export function actorRef(actor: EventMetadata['actor']): ActorRef {
  return {
    type: actor.type,
    id: actor.id,
    name: actor.name ?? '',
    ...(actor.portalId !== undefined ? { portalId: actor.portalId } : {}),
  };
}

export function foldRecord(events: readonly RecordStreamEvent[]): RecordState {
  return events.reduce(
    (state, e) => evolveRecord(state, { type: e.type, data: e.data } as RecordEvent),
    initialRecordState,
  );
}

/**
 * The record document as the read model shows it once these events are projected: used to answer
 * commands at once, without waiting for the projector. Null when the stream holds no record.
 */
export function recordDocFromEvents(
  events: readonly RecordStreamEvent[],
  def: EntityTypeDefinition,
): RecordDoc | null {
  const state = foldRecord(events);
  if (!recordExists(state) || events.length === 0) return null;
  const first = events[0];
  const changes = events.filter((e) => changesTheRecord(e.type));
  const last = changes[changes.length - 1] ?? first;
  const deletion = events.find((e) => e.type === 'RecordDeleted');
  return {
    ...toAclRecord(state, def),
    createdAt: first.metadata.timestamp,
    createdBy: actorRef(first.metadata.actor),
    modifiedAt: last.metadata.timestamp,
    modifiedBy: actorRef(last.metadata.actor),
    revision: events[events.length - 1].revision,
    createdInPortalId: state.createdInPortalId,
    deletedAt: deletion ? deletion.metadata.timestamp : null,
  };
}

/** Decided events as they will be stored: after `fromRevision`, with this command's actor and time. */
export function asStreamEvents(
  events: readonly { type: string; data: unknown }[],
  fromRevision: number | 'no-stream',
  metadata: Pick<EventMetadata, 'actor' | 'timestamp'>,
): RecordStreamEvent[] {
  const base = fromRevision === 'no-stream' ? -1 : fromRevision;
  return events.map((e, i) => ({ type: e.type, data: e.data, metadata, revision: base + 1 + i }));
}
