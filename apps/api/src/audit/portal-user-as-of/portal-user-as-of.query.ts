import { Query } from '@nestjs/cqrs';
import type { PortalUserAsOf } from './portal-user-as-of';

/** Null when the portal user did not exist at that moment. */
export class PortalUserAsOfQuery extends Query<PortalUserAsOf | null> {
  constructor(
    readonly portalUserId: string,
    readonly asOfMs: number,
  ) {
    super();
  }
}
