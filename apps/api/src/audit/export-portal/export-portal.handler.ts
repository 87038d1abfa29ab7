import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { portalStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { ExportPortalQuery } from './export-portal.query';
import { portalExportLines } from './portal-export';

@QueryHandler(ExportPortalQuery)
export class ExportPortalHandler implements IQueryHandler<ExportPortalQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ portalId }: ExportPortalQuery): Promise<AsyncIterable<string> | null> {
    const first = await this.store.readStream(portalStream(portalId), { limit: 1 });
    return first.length === 0 ? null : portalExportLines(this.store, portalId);
  }
}
