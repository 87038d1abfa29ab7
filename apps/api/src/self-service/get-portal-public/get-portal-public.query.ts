import { Query } from '@nestjs/cqrs';
import type { PortalPublic } from './portal-public-view';

/** The public face of an active portal, by slug, for the pages shown before logging in. */
export class GetPortalPublicQuery extends Query<PortalPublic> {
  constructor(readonly slug: string) {
    super();
  }
}
