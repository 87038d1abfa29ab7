import { Query } from '@nestjs/cqrs';
import type { AuditEventCriteria } from '../audit-event-criteria';
import type { AuditEventPage } from './scan-audit-events';

export class ListAuditEventsQuery extends Query<AuditEventPage> {
  constructor(
    readonly criteria: AuditEventCriteria,
    readonly after: number | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
