import type { PortalDoc, PortalRoleDoc, PortalUserDoc, RecordDoc, Tracked } from '@portal/read-models';
import { caseEmailAccess } from './case-email-access';

const tracked: Tracked = {
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: { type: 'staff', id: 's1', name: 'Admin' },
  modifiedAt: '2026-01-01T00:00:00.000Z',
  modifiedBy: { type: 'staff', id: 's1', name: 'Admin' },
  revision: 0,
};

function portal(overrides: Partial<PortalDoc> = {}): PortalDoc {
  return {
    ...tracked,
    id: 'p1',
    name: 'Portal',
    slug: 'portal',
    isActive: true,
    isDefault: false,
    url: 'http://localhost/portal/portal',
    customUrl: null,
    roleIds: ['r-account'],
    tabList: ['Case'],
    quickCreateList: [],
    dashboardLayout: [],
    defaultCaseAssigneeId: null,
    recordCriteria: {},
    settings: {
      language: 'en_US',
      timeZone: 'UTC',
      dateFormat: 'YYYY-MM-DD',
      currency: 'USD',
      tokenLifetimeMinutes: 60,
      idleTimeoutMinutes: 30,
      maxUsers: null,
      shareLinkMaxDays: 30,
    },
    branding: {},
    userCount: 1,
    ...overrides,
  };
}

function role(id: string, overrides: Partial<PortalRoleDoc> = {}): PortalRoleDoc {
  return {
    ...tracked,
    id,
    name: id,
    scopes: { Case: { read: 'account', stream: 'account' } },
    fields: {},
    deleted: false,
    ...overrides,
  };
}

function user(overrides: Partial<PortalUserDoc> = {}): PortalUserDoc {
  return {
    ...tracked,
    id: 'u1',
    email: 'ann@customer.test',
    firstName: 'Ann',
    lastName: 'Lee',
    name: 'Ann Lee',
    contactId: 'contact-1',
    accountIds: ['acc-1'],
    portalIds: ['p1'],
    roleIds: [],
    status: 'active',
    deactivated: false,
    hasPassword: true,
    pendingEmail: null,
    supportPeriod: null,
    invitations: [],
    lastLoginAt: null,
    dashboardLayout: null,
    preferences: { language: null, notifyOnCaseUpdates: true },
    profile: {},
    ...overrides,
  };
}

function caseRecord(overrides: Partial<RecordDoc> = {}): RecordDoc {
  return {
    ...tracked,
    id: 'c1',
    entityType: 'Case',
    fields: { name: 'Broken printer', status: 'Assigned', internalNotes: 'secret' },
    createdByPortalUserId: null,
    contactIds: [],
    accountIds: ['acc-1'],
    isInternal: false,
    deleted: false,
    createdInPortalId: null,
    deletedAt: null,
    ...overrides,
  };
}

const roles = (...list: PortalRoleDoc[]) => new Map(list.map((r) => [r.id, r]));
const accountRole = role('r-account');
/** u1 chose to follow c1. */
const following = { u1: true };

describe('caseEmailAccess', () => {
  it('lets a member of the case’s account hear about it, name included', () => {
    expect(
      caseEmailAccess('case-status-changed', caseRecord(), portal(), user(), roles(accountRole), following),
    ).toEqual({
      showName: true,
    });
    expect(
      caseEmailAccess('case-reply', caseRecord(), portal(), user(), roles(accountRole), following),
    ).toEqual({
      showName: true,
    });
  });

  it('refuses a user of another account, and an internal or deleted case', () => {
    const other = user({ accountIds: ['acc-2'], contactId: 'contact-2' });
    expect(
      caseEmailAccess('case-status-changed', caseRecord(), portal(), other, roles(accountRole), following),
    ).toBeUndefined();
    expect(
      caseEmailAccess(
        'case-status-changed',
        caseRecord({ isInternal: true }),
        portal(),
        user(),
        roles(accountRole),
        following,
      ),
    ).toBeUndefined();
    expect(
      caseEmailAccess(
        'case-status-changed',
        caseRecord({ deleted: true }),
        portal(),
        user(),
        roles(accountRole),
        following,
      ),
    ).toBeUndefined();
  });

  it('respects the notification preference, the user’s status and membership, and the portal being active', () => {
    const access = (u: PortalUserDoc, p = portal()) =>
      caseEmailAccess('case-status-changed', caseRecord(), p, u, roles(accountRole), following);
    expect(access(user({ preferences: { language: null, notifyOnCaseUpdates: false } }))).toBeUndefined();
    expect(access(user({ preferences: { caseNotifications: 'none' } }))).toBeUndefined();
    // "Only records I created": u1 did not create c1.
    expect(access(user({ preferences: { caseNotifications: 'own' } }))).toBeUndefined();
    expect(access(user({ preferences: {} }))).toEqual({ showName: true });
    expect(access(user({ status: 'invited' }))).toBeUndefined();
    expect(access(user({ status: 'suspended' }))).toBeUndefined();
    expect(access(user({ status: 'deactivated', deactivated: true }))).toBeUndefined();
    expect(access(user({ portalIds: ['p2'] }))).toBeUndefined();
    expect(access(user(), portal({ isActive: false }))).toBeUndefined();
  });

  it('merges the portal’s and the user’s roles, skipping deleted ones', () => {
    const noPortalRole = portal({ roleIds: [] });
    const viaUser = user({ roleIds: ['r-account'] });
    expect(
      caseEmailAccess(
        'case-status-changed',
        caseRecord(),
        noPortalRole,
        viaUser,
        roles(accountRole),
        following,
      ),
    ).toEqual({
      showName: true,
    });
    expect(
      caseEmailAccess(
        'case-status-changed',
        caseRecord(),
        noPortalRole,
        viaUser,
        roles(role('r-account', { deleted: true })),
        following,
      ),
    ).toBeUndefined();
    expect(
      caseEmailAccess('case-status-changed', caseRecord(), portal(), user(), roles(), following),
    ).toBeUndefined();
  });

  it('mails a reply only within the stream level, a status change only where status is readable', () => {
    const noStream = role('r-account', { scopes: { Case: { read: 'account', stream: 'no' } } });
    expect(
      caseEmailAccess('case-reply', caseRecord(), portal(), user(), roles(noStream), following),
    ).toBeUndefined();
    expect(
      caseEmailAccess('case-status-changed', caseRecord(), portal(), user(), roles(noStream), following),
    ).toEqual({
      showName: true,
    });
    const hiddenStatus = role('r-account', { fields: { Case: { status: { read: 'no' } } } });
    expect(
      caseEmailAccess('case-status-changed', caseRecord(), portal(), user(), roles(hiddenStatus), following),
    ).toBeUndefined();
  });

  it('hides the name where the roles hide it', () => {
    const hiddenName = role('r-account', { fields: { Case: { name: { read: 'no' } } } });
    expect(
      caseEmailAccess('case-reply', caseRecord(), portal(), user(), roles(hiddenName), following),
    ).toEqual({
      showName: false,
    });
  });

  it('follows the portal’s tab list and record criteria', () => {
    expect(
      caseEmailAccess(
        'case-reply',
        caseRecord(),
        portal({ tabList: [] }),
        user(),
        roles(accountRole),
        following,
      ),
    ).toBeUndefined();
    const onlyOpen = portal({ recordCriteria: { Case: [{ field: 'status', op: 'ne', value: 'Assigned' }] } });
    expect(
      caseEmailAccess('case-reply', caseRecord(), onlyOpen, user(), roles(accountRole), following),
    ).toBeUndefined();
  });

  it('mails followers only: the creator and the contact by default, others by choice, never after unfollowing', () => {
    const access = (record: RecordDoc, choices: Record<string, boolean>, u = user()) =>
      caseEmailAccess('case-status-changed', record, portal(), u, roles(accountRole), choices);
    expect(access(caseRecord(), {})).toBeUndefined();
    expect(access(caseRecord({ createdByPortalUserId: 'u1' }), {})).toEqual({ showName: true });
    expect(access(caseRecord({ contactIds: ['contact-1'] }), {})).toEqual({ showName: true });
    expect(access(caseRecord({ contactIds: ['contact-1'] }), { u1: false })).toBeUndefined();
    expect(access(caseRecord({ createdByPortalUserId: 'u1' }), { u1: false })).toBeUndefined();
    const own = user({ preferences: { caseNotifications: 'own' } });
    expect(access(caseRecord({ createdByPortalUserId: 'u1' }), {}, own)).toEqual({ showName: true });
    expect(access(caseRecord({ contactIds: ['contact-1'] }), {}, own)).toBeUndefined();
  });

  it('never mails a follower who cannot read the case', () => {
    const other = user({ accountIds: ['acc-2'], contactId: 'contact-2' });
    expect(
      caseEmailAccess('case-reply', caseRecord(), portal(), other, roles(accountRole), { u1: true }),
    ).toBeUndefined();
  });
});
