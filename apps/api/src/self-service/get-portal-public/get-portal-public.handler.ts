import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PortalDirectory } from '../../auth/portal-directory/portal-directory';
import { ProblemException } from '../../http/problem';
import { GetPortalPublicQuery } from './get-portal-public.query';
import { portalPublicView, type PortalPublic } from './portal-public-view';

@QueryHandler(GetPortalPublicQuery)
export class GetPortalPublicHandler implements IQueryHandler<GetPortalPublicQuery, PortalPublic> {
  constructor(private readonly portals: PortalDirectory) {}

  async execute({ slug }: GetPortalPublicQuery): Promise<PortalPublic> {
    const portal = await this.portals.bySlug(slug);
    // An inactive portal answers exactly like one that does not exist: nothing tells them apart.
    if (portal === null || !portal.isActive) {
      throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
    }
    return portalPublicView(portal);
  }
}
