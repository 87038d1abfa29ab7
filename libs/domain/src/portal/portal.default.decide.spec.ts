import { decideMakePortalDefault, decideUnsetPortalDefault } from './portal.default.decide';
import { createdWith, given, portalId, refusal } from './testing/portal.scenario';

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
