import type { EventActor, RecordedEvent } from '@portal/event-store';
import type { ActorRef, Tracked } from '@portal/read-models';

export function actorRef(actor: EventActor): ActorRef {
  return {
    type: actor.type,
    id: actor.id,
    name: actor.name ?? '',
    ...(actor.type === 'portalUser' && actor.portalId ? { portalId: actor.portalId } : {}),
  };
}

/** When the command was decided (what users call "when"), else when the store recorded it. */
export function occurredAt(event: RecordedEvent): string {
  const at = event.metadata.timestamp;
  return typeof at === 'string' && at.length > 0 ? at : event.recordedAt;
}

/** The Tracked fields of a document whose aggregate has these stored tracking fields. */
export function trackedOf(source: Tracked): Tracked {
  return {
    createdAt: source.createdAt,
    createdBy: source.createdBy,
    modifiedAt: source.modifiedAt,
    modifiedBy: source.modifiedBy,
    revision: source.revision,
  };
}
