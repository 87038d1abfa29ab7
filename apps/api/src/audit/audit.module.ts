import { Module } from '@nestjs/common';
import { ExportPortalHandler } from './export-portal/export-portal.handler';
import { ExportPortalHttp } from './export-portal/export-portal.http';
import { ListAuditEventsHandler } from './list-audit-events/list-audit-events.handler';
import { ListAuditEventsHttp } from './list-audit-events/list-audit-events.http';
import { PortalAsOfHandler } from './portal-as-of/portal-as-of.handler';
import { PortalAsOfHttp } from './portal-as-of/portal-as-of.http';
import { PortalUserAsOfHandler } from './portal-user-as-of/portal-user-as-of.handler';
import { PortalUserAsOfHttp } from './portal-user-as-of/portal-user-as-of.http';

/** Audit (admins and auditors): the event log, aggregates as of a moment, a portal's export. */
@Module({
  controllers: [ListAuditEventsHttp, ExportPortalHttp, PortalAsOfHttp, PortalUserAsOfHttp],
  providers: [ListAuditEventsHandler, PortalAsOfHandler, PortalUserAsOfHandler, ExportPortalHandler],
})
export class AuditModule {}
