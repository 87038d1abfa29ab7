import type { PortalContext } from '@portal/acl';
import type { PortalDoc, PortalUserDoc } from '@portal/read-models';

/** The ACL's view of a portal: what it shows and its record criteria. */
export function portalContextOf(portal: PortalDoc): PortalContext {
  return { portalId: portal.id, tabList: [...portal.tabList], recordCriteria: portal.recordCriteria };
}

/** The union of the portal's and the user's role ids, portal first, each once. */
export function roleIdsOf(
  portal: Pick<PortalDoc, 'roleIds'>,
  user: Pick<PortalUserDoc, 'roleIds'>,
): string[] {
  return [...new Set([...portal.roleIds, ...user.roleIds])];
}
