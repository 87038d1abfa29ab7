import { Inject, Injectable } from '@nestjs/common';
import { dataSubjectStream, ERASURE_REQUEST_EVENT_TYPES } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { ProblemException } from '../../http/problem';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { erasureRequestViews, type ErasureRequestView } from './erasure-request-views';

const PAGE = 1_000;

/**
 * Erasure requests as the log tells them. Read from the events rather than a read model: requests
 * are few, and the person's reason then reads "[erased]" the moment their key is gone, with no copy
 * of it anywhere to patch.
 */
@Injectable()
export class ErasureRequestLog {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async all(): Promise<ErasureRequestView[]> {
    const filter = { streamPrefixes: ['dataSubject-'], eventTypes: [...ERASURE_REQUEST_EVENT_TYPES] };
    const events = [];
    for (let after = -1; ;) {
      const page = await this.events.readAll({ after, limit: PAGE, filter });
      events.push(...page);
      if (page.length < PAGE) return erasureRequestViews(events);
      after = page[page.length - 1].position;
    }
  }

  async get(requestId: string): Promise<ErasureRequestView> {
    const found = (await this.all()).find((view) => view.id === requestId);
    if (!found) throw ProblemException.of(404, 'erasure_request_not_found', 'No such erasure request.');
    return found;
  }

  /** The subject's latest request, if any. */
  async latestOf(subjectId: string): Promise<ErasureRequestView | null> {
    return erasureRequestViews(await this.events.readStream(dataSubjectStream(subjectId))).pop() ?? null;
  }
}
