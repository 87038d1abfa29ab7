import { Query } from '@nestjs/cqrs';
import type { PortalAsOf } from './portal-as-of';

/** Null when the portal did not exist at that moment. */
export class PortalAsOfQuery extends Query<PortalAsOf | null> {
  constructor(
    readonly portalId: string,
    readonly asOfMs: number,
  ) {
    super();
  }
}
