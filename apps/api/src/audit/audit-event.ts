import type { EventActor, RecordedEvent } from '@portal/event-store';
import { redactSecrets } from './redact-secrets';

/** One event as the audit endpoints answer it (the list and every line of an export). */
export interface AuditEvent {
  /** The event's id: what the causationId of the events it caused names. */
  id: string;
  position: number;
  stream: string;
  revision: number;
  type: string;
  version: number;
  /** When the command was decided (metadata timestamp): the time asOf compares with. */
  at: string;
  actor: EventActor;
  correlationId: string;
  causationId: string | null;
  /** The event's data with every secret redacted. */
  data: Record<string, unknown>;
}

export function toAuditEvent(event: RecordedEvent): AuditEvent {
  const { metadata } = event;
  return {
    id: event.id,
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    version: event.version,
    at: eventTime(event),
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    data: redactSecrets(event.data),
  };
}

/** The decided time; the recorded time for an event whose metadata lacks it. */
export function eventTime(event: RecordedEvent): string {
  return typeof event.metadata.timestamp === 'string' ? event.metadata.timestamp : event.recordedAt;
}
