import { fold } from '../shared/decider';
import { DEFAULT_PORTAL_SETTINGS } from './portal.configuration';
import { toPortalContext } from './portal.context';
import type { PortalChanges, PortalEvent } from './portal.events';
import { evolvePortal } from './portal.evolve';
import { initialPortalState } from './portal.state';
import { portalStream } from './portal.stream';

const portalId = 'p-1';
const created: PortalEvent = {
  type: 'PortalCreated',
  data: {
    portalId,
    name: 'Customer portal',
    slug: 'customers',
    url: 'u1',
    customUrl: null,
    tabList: ['Case'],
    quickCreateList: ['Case'],
    dashboardLayout: [],
    defaultCaseAssigneeId: null,
    recordCriteria: { Case: [{ field: 'status', op: 'ne', value: 'Internal' }] },
    settings: DEFAULT_PORTAL_SETTINGS,
    branding: { logoUrl: null, primaryColor: null, companyName: null },
    isActive: true,
    isDefault: false,
    roleIds: ['r-1'],
  },
};

describe('evolvePortal', () => {
  it('folds a portal’s history into its state', () => {
    const state = fold(evolvePortal, initialPortalState, [
      created,
      { type: 'PortalRenamed', data: { portalId, from: 'Customer portal', to: 'Help' } },
      {
        type: 'PortalSlugChanged',
        data: { portalId, from: 'customers', to: 'help', url: { from: 'u1', to: 'u2' } },
      },
      {
        type: 'PortalSettingsChanged',
        data: {
          portalId,
          changes: {
            tabList: { from: ['Case'], to: ['Case', 'Document'] },
            'settings.maxUsers': { from: null, to: 2 },
            'branding.companyName': { from: null, to: 'Acme' },
          },
        },
      },
      { type: 'RoleAssigned', data: { target: 'portal', portalId, roleId: 'r-2' } },
      { type: 'RoleUnassigned', data: { target: 'portal', portalId, roleId: 'r-1' } },
      { type: 'PortalDeactivated', data: { portalId } },
      { type: 'PortalMadeDefault', data: { portalId } },
      { type: 'PortalSeatTaken', data: { portalId, portalUserId: 'u1' } },
      { type: 'PortalSeatTaken', data: { portalId, portalUserId: 'u2' } },
      { type: 'PortalSeatReleased', data: { portalId, portalUserId: 'u1' } },
    ]);
    expect(state).toMatchObject({
      exists: true,
      id: portalId,
      name: 'Help',
      slug: 'help',
      url: 'u2',
      tabList: ['Case', 'Document'],
      settings: { ...DEFAULT_PORTAL_SETTINGS, maxUsers: 2 },
      branding: { logoUrl: null, primaryColor: null, companyName: 'Acme' },
      roleIds: ['r-2'],
      isActive: false,
      isDefault: true,
      seatHolders: ['u2'],
    });
  });

  it('activates again after a deactivation, and unsets the default; a role or a seat is held once', () => {
    const state = fold(evolvePortal, initialPortalState, [
      created,
      { type: 'PortalDeactivated', data: { portalId } },
      { type: 'PortalActivated', data: { portalId } },
      { type: 'PortalMadeDefault', data: { portalId } },
      { type: 'PortalDefaultUnset', data: { portalId, replacedBy: null } },
      { type: 'RoleAssigned', data: { target: 'portal', portalId, roleId: 'r-1' } },
      { type: 'PortalSeatTaken', data: { portalId, portalUserId: 'u1' } },
      { type: 'PortalSeatTaken', data: { portalId, portalUserId: 'u1' } },
    ]);
    expect(state).toMatchObject({ isActive: true, isDefault: false, roleIds: ['r-1'], seatHolders: ['u1'] });
  });

  it('ignores change keys it does not know, so a malformed event cannot reach other state', () => {
    const state = fold(evolvePortal, initialPortalState, [created]);
    const changes = { exists: { from: true, to: false }, 'settings.__proto__': { from: null, to: { x: 1 } } };
    const next = evolvePortal(state, {
      type: 'PortalSettingsChanged',
      data: { portalId, changes: changes as unknown as PortalChanges },
    });
    expect(next).toEqual(state);
    expect(Object.getPrototypeOf(next.settings)).toBe(Object.prototype);
  });

  it('reads a PortalCreated written before share links as holding the default shareLinkMaxDays (30)', () => {
    const { shareLinkMaxDays: _, ...oldSettings } = DEFAULT_PORTAL_SETTINGS;
    const old = { ...created, data: { ...created.data, settings: oldSettings } } as PortalEvent;
    const state = fold(evolvePortal, initialPortalState, [old]);
    expect(state.settings.shareLinkMaxDays).toBe(30);
    const changed = fold(evolvePortal, state, [
      {
        type: 'PortalSettingsChanged',
        data: { portalId, changes: { 'settings.shareLinkMaxDays': { from: 30, to: 5 } } },
      },
    ]);
    expect(changed.settings.shareLinkMaxDays).toBe(5);
  });

  it('does not mutate the state it is given', () => {
    const state = fold(evolvePortal, initialPortalState, [created]);
    const frozen = JSON.stringify(state);
    evolvePortal(state, {
      type: 'PortalSettingsChanged',
      data: { portalId, changes: { 'settings.currency': { from: 'USD', to: 'EUR' } } },
    });
    expect(JSON.stringify(state)).toBe(frozen);
    expect(initialPortalState.settings).toEqual(DEFAULT_PORTAL_SETTINGS);
  });
});

describe('toPortalContext and portalStream', () => {
  it('gives the ACL the portal’s tabs and record criteria', () => {
    expect(toPortalContext(fold(evolvePortal, initialPortalState, [created]))).toEqual({
      portalId,
      tabList: ['Case'],
      recordCriteria: { Case: [{ field: 'status', op: 'ne', value: 'Internal' }] },
    });
    expect(toPortalContext(initialPortalState)).toBeNull();
  });

  it('names the stream portal-<id>', () => {
    expect(portalStream(portalId)).toBe('portal-p-1');
  });
});
