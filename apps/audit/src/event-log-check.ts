import type { RecordedEvent } from '@portal/event-store';
import type { Finding } from './finding';
import type { KnownEventTypes } from './known-event-types';

/**
 * Checks events fed in global order: each stream's revisions run 0, 1, 2, … with no hole and no
 * duplicate, positions strictly increase, and every type is known, at its current version, and
 * in a stream of the category that writes it.
 */
export class EventLogCheck {
  readonly findings: Finding[] = [];
  private readonly lastRevision = new Map<string, number>();
  private lastPosition = -Infinity;
  private checked = 0;

  constructor(private readonly known: KnownEventTypes) {}

  get eventsChecked(): number {
    return this.checked;
  }

  get streamsSeen(): number {
    return this.lastRevision.size;
  }

  inspect(event: RecordedEvent): void {
    this.checked += 1;
    this.checkPosition(event);
    this.checkRevision(event);
    this.checkType(event);
  }

  private checkPosition(event: RecordedEvent): void {
    if (!(event.position > this.lastPosition)) {
      this.report(event, 'position_order', `position ${event.position} after ${this.lastPosition}`);
    }
    this.lastPosition = Math.max(this.lastPosition, event.position);
  }

  private checkRevision(event: RecordedEvent): void {
    const last = this.lastRevision.get(event.stream) ?? -1;
    const expected = last + 1;
    if (event.revision < expected) {
      this.report(event, 'revision_duplicate', `revision ${event.revision} again after ${last}`);
    } else if (event.revision > expected) {
      const missing = expected === event.revision - 1 ? `${expected}` : `${expected}..${event.revision - 1}`;
      this.report(event, 'revision_hole', `revision ${event.revision} follows ${last}: ${missing} missing`);
    }
    this.lastRevision.set(event.stream, Math.max(last, event.revision));
  }

  private checkType(event: RecordedEvent): void {
    if (!this.known.isKnown(event.type)) {
      this.report(event, 'unknown_type', `unknown event type ${event.type} v${event.version}`);
      return;
    }
    const current = this.known.currentVersion(event.type);
    if (event.version !== current) {
      this.report(event, 'stale_version', `${event.type} read as v${event.version}, current is v${current}`);
    }
    const allowed = this.known.typesOfStream(event.stream);
    if (allowed && !allowed.includes(event.type)) {
      this.report(event, 'type_outside_stream', `${event.type} does not belong in this stream`);
    }
  }

  private report(event: RecordedEvent, kind: Finding['kind'], message: string): void {
    this.findings.push({ kind, message, stream: event.stream, position: event.position });
  }
}
