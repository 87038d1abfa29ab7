import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { portalRoleStream, portalStream } from '@portal/domain';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { type PortalAsOf, portalAsOf } from './portal-as-of';
import { PortalAsOfQuery } from './portal-as-of.query';

@QueryHandler(PortalAsOfQuery)
export class PortalAsOfHandler implements IQueryHandler<PortalAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ portalId, asOfMs }: PortalAsOfQuery): Promise<PortalAsOf | null> {
    const portalEvents = await this.store.readStream(portalStream(portalId));
    // Every role the portal ever held: the fold then picks those it held at that moment.
    const roleIds = new Set(
      portalEvents.flatMap((event) => [
        ...(Array.isArray(event.data.roleIds) ? (event.data.roleIds as string[]) : []),
        ...(typeof event.data.roleId === 'string' ? [event.data.roleId] : []),
      ]),
    );
    const roleEvents = new Map<string, RecordedEvent[]>();
    await Promise.all(
      [...roleIds].map(async (roleId) =>
        roleEvents.set(roleId, await this.store.readStream(portalRoleStream(roleId))),
      ),
    );
    return portalAsOf(portalId, portalEvents, (roleId) => roleEvents.get(roleId) ?? [], asOfMs);
  }
}
