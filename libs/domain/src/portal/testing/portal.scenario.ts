// Given/then for the Portal specs: the state after past events, a refusal, and a created portal.
import { fold } from '../../shared/decider';
import { DEFAULT_PORTAL_SETTINGS } from '../portal.configuration';
import type { PortalCreated, PortalEvent } from '../portal.events';
import { evolvePortal } from '../portal.evolve';
import { initialPortalState, type PortalState } from '../portal.state';

export { problem, refusal } from '../../shared/testing/refusal';

export const portalId = 'p-1';

export function given(events: PortalEvent[]): PortalState {
  return fold(evolvePortal, initialPortalState, events);
}

/** A minimal active, non-default portal with the given seat limit. */
export function createdWith(
  maxUsers: number | null,
  extra: Partial<PortalCreated['data']> = {},
): PortalCreated {
  return {
    type: 'PortalCreated',
    data: {
      portalId,
      name: 'Customer portal',
      slug: 'customers',
      url: 'http://localhost/portal/customers',
      customUrl: null,
      tabList: ['Case'],
      quickCreateList: [],
      dashboardLayout: [],
      defaultCaseAssigneeId: null,
      recordCriteria: {},
      settings: { ...DEFAULT_PORTAL_SETTINGS, maxUsers },
      branding: { logoUrl: null, primaryColor: null, companyName: null },
      isActive: true,
      isDefault: false,
      roleIds: [],
      ...extra,
    },
  };
}
