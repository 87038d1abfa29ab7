import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { ListAuditEventsQuery } from './list-audit-events.query';
import { type AuditEventPage, scanAuditEvents } from './scan-audit-events';

/** Reads the event store itself: the audit answers what happened, not what the read models say. */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: ListAuditEventsQuery): Promise<AuditEventPage> {
    return scanAuditEvents(this.store, query.criteria, { after: query.after, limit: query.limit });
  }
}
