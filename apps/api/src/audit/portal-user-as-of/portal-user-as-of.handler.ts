import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { portalUserStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { type PortalUserAsOf, portalUserAsOf } from './portal-user-as-of';
import { PortalUserAsOfQuery } from './portal-user-as-of.query';

@QueryHandler(PortalUserAsOfQuery)
export class PortalUserAsOfHandler implements IQueryHandler<PortalUserAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ portalUserId, asOfMs }: PortalUserAsOfQuery): Promise<PortalUserAsOf | null> {
    return portalUserAsOf(portalUserId, await this.store.readStream(portalUserStream(portalUserId)), asOfMs);
  }
}
