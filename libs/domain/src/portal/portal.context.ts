import type { PortalContext } from '@portal/acl';
import type { PortalState } from './portal.state';

/** The portal as the ACL reads it; null for a portal that does not exist. */
export function toPortalContext(state: PortalState): PortalContext | null {
  if (!state.exists || state.id === null) return null;
  return { portalId: state.id, tabList: state.tabList, recordCriteria: state.recordCriteria };
}
