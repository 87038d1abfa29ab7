import { Inject, Injectable } from '@nestjs/common';
import {
  dataSubjectStream,
  evolveDataSubject,
  fold,
  initialDataSubjectState,
  type DataSubjectEvent,
} from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * Whether processing of a data subject is restricted, from their `dataSubject-<id>` stream (the
 * log, not a read model: a restriction a moment old counts), so a portal user created for them
 * after the restriction starts restricted too.
 */
@Injectable()
export class SubjectRestrictions {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async holds(subjectId: string): Promise<boolean> {
    const events = await this.events.readStream(dataSubjectStream(subjectId));
    return fold(
      evolveDataSubject,
      initialDataSubjectState,
      events.map((event) => ({ type: event.type, data: event.data }) as DataSubjectEvent),
    ).restricted;
  }
}
