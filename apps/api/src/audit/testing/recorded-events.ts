import type { EventActor, RecordedEvent } from '@portal/event-store';

const STAFF: EventActor = { type: 'staff', id: 'staff-1', name: 'Ada' };

/** Builds the events of one stream, revisions in order, positions from a shared counter. */
export class ScriptedLog {
  private position = 0;
  private readonly revisions = new Map<string, number>();

  event(
    stream: string,
    type: string,
    data: Record<string, unknown>,
    at: string,
    actor: EventActor = STAFF,
  ): RecordedEvent {
    const revision = (this.revisions.get(stream) ?? -1) + 1;
    this.revisions.set(stream, revision);
    this.position += 1;
    return {
      id: `event-${this.position}`,
      stream,
      revision,
      type,
      version: 1,
      data,
      metadata: { actor, correlationId: `c-${this.position}`, causationId: null, timestamp: at },
      position: this.position,
      recordedAt: at,
    };
  }
}
