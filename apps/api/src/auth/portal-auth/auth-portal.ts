import { Injectable } from '@nestjs/common';
import type { PortalDoc } from '@portal/read-models';
import { ProblemException } from '../../http/problem';
import { PortalDirectory } from '../portal-directory/portal-directory';

/** The portal named by an auth route's slug: 404 when unknown, 403 when inactive. */
@Injectable()
export class AuthPortal {
  constructor(private readonly portals: PortalDirectory) {}

  async bySlug(slug: string): Promise<PortalDoc> {
    const portal = await this.portals.bySlug(slug);
    if (portal === null) throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
    if (!portal.isActive) throw ProblemException.of(403, 'portal_inactive', 'This portal is not active.');
    return portal;
  }
}
