import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { PortalCreated, PortalEvent } from './portal.events';
import { evolvePortal } from './portal.evolve';
import { DEFAULT_PORTAL_SETTINGS } from './portal.configuration';
import { initialPortalState, type PortalState } from './portal.state';

function given(events: PortalEvent[]): PortalState {
  return fold(evolvePortal, initialPortalState, events);
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but the command was accepted');
}

const portalId = 'p-1';
function createdWith(maxUsers: number | null, extra: Partial<PortalCreated['data']> = {}): PortalCreated {
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

import { decideMakePortalDefault, decideUnsetPortalDefault } from './portal.default.decide';

describe('decideMakePortalDefault', () => {
  it('makes a portal default', () => {
    expect(decideMakePortalDefault({ portalId }, given([createdWith(null)]))).toEqual([
      { type: 'PortalMadeDefault', data: { portalId } },
    ]);
  });

  it('is a no-op for the default portal', () => {
    expect(decideMakePortalDefault({ portalId }, given([createdWith(null, { isDefault: true })]))).toEqual(
      [],
    );
  });

  it('refuses a portal never created with portal_not_found', () => {
    const error = refusal(() => decideMakePortalDefault({ portalId }, given([])));
    expect([error.code, error.kind]).toEqual(['portal_not_found', 'not-found']);
  });
});

describe('decideUnsetPortalDefault', () => {
  it('unsets the old default, naming the new one', () => {
    expect(
      decideUnsetPortalDefault(
        { portalId, replacedBy: 'p-2' },
        given([createdWith(null, { isDefault: true })]),
      ),
    ).toEqual([{ type: 'PortalDefaultUnset', data: { portalId, replacedBy: 'p-2' } }]);
  });

  it('unsets without a successor', () => {
    const state = given([createdWith(null), { type: 'PortalMadeDefault', data: { portalId } }]);
    expect(decideUnsetPortalDefault({ portalId }, state)).toEqual([
      { type: 'PortalDefaultUnset', data: { portalId, replacedBy: null } },
    ]);
  });

  it('is a no-op for a portal that is not default', () => {
    expect(decideUnsetPortalDefault({ portalId, replacedBy: 'p-2' }, given([createdWith(null)]))).toEqual([]);
  });

  it('refuses a portal never created with portal_not_found', () => {
    expect(refusal(() => decideUnsetPortalDefault({ portalId }, given([]))).code).toBe('portal_not_found');
  });
});
