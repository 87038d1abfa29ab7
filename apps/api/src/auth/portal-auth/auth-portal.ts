import { Injectable } from '@nestjs/common';
import type { PortalDoc } from '@portal/read-models';
import { ProblemException } from '../../http/problem';
import { PortalDirectory } from '../portal-directory/portal-directory';

/**
 * The portal named by an auth route's slug: 404 when unknown or inactive, exactly alike, as
 * GET /v1/portals/{slug}/public answers, so signing in tells nobody which portals exist.
 */
@Injectable()
export class AuthPortal {
  constructor(private readonly portals: PortalDirectory) {}

  async bySlug(slug: string): Promise<PortalDoc> {
    const portal = await this.portals.bySlug(slug);
    if (portal === null || !portal.isActive)
      throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
    return portal;
  }
}
