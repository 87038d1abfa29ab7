import type { Me, PortalRecord } from '../api/portal-api';
import { PortalPermissions } from './portal-permissions';

const ME = 'user-1';
function me(permissions: unknown, quickCreateList: string[] = ['Case']): Me {
  return {
    id: ME,
    email: 'ada@customer.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: null,
    language: null,
    notifyOnCaseUpdates: false,
    caseNotifications: 'none',
    contactId: 'contact-1',
    accountIds: ['account-1'],
    portal: {
      id: 'portal-1',
      slug: 'p',
      name: 'P',
      tabList: ['Case'],
      quickCreateList,
      settings: { language: 'en_US', timeZone: 'UTC', dateFormat: 'YYYY-MM-DD' },
    } as Me['portal'],
    // Fixtures as loose as the pages accept (the API's answer shape is wider).
    permissions: permissions as Me['permissions'],
  };
}
const rec = (fields: Record<string, unknown>): PortalRecord =>
  ({ id: 'r', ...fields }) as unknown as PortalRecord;

describe('PortalPermissions (what the pages offer; the API stays the judge)', () => {
  const merged = me({
    scopes: {
      Case: { create: 'yes', read: { level: 'account', grantedBy: ['r1'] }, edit: 'own', delete: 'no' },
      Account: { read: 'contact', create: 'no' },
    },
    fields: { Case: { description: { read: 'yes', edit: 'no' }, secret: { read: 'no', edit: 'no' } } },
  });
  const permissions = new PortalPermissions(merged);

  it('reads levels merged ({ level, grantedBy }) or plain, anything unknown as no', () => {
    expect(permissions.level('Case', 'read')).toBe('account');
    expect(permissions.level('Case', 'edit')).toBe('own');
    expect(permissions.level('Case', 'stream')).toBe('no');
    expect(permissions.level('Lead', 'read')).toBe('no');
    expect(
      new PortalPermissions(me({ scopes: { Case: { read: 'everything' } } })).level('Case', 'read'),
    ).toBe('no');
    expect(new PortalPermissions(me(null)).level('Case', 'read')).toBe('no');
  });

  it('offers creating only a quick-create type the roles let the user create', () => {
    expect(permissions.canCreate('Case')).toBe(true);
    expect(permissions.canQuickCreate('Case')).toBe(true);
    expect(permissions.canCreate('Account')).toBe(false);
    expect(
      new PortalPermissions({ ...merged, portal: { ...merged.portal, quickCreateList: [] } }).canQuickCreate(
        'Case',
      ),
    ).toBe(false);
  });

  it('never shows isInternal, hides read: no fields, and never offers links, assignment or system fields for editing', () => {
    expect(permissions.canReadField('Case', 'isInternal')).toBe(false);
    expect(permissions.canReadField('Case', 'secret')).toBe(false);
    expect(permissions.canReadField('Case', 'description')).toBe(true);
    expect(permissions.canEditField('Case', 'description')).toBe(false);
    expect(permissions.canEditField('Case', 'name')).toBe(true);
    for (const field of ['accountId', 'contactId', 'assignedUserId', 'createdAt', 'portalIds', 'secret'])
      expect([field, permissions.canEditField('Case', field)]).toEqual([field, false]);
  });

  it("judges a record by the links the user sees: the account's, the contact's, or their own", () => {
    expect(permissions.reaches('Case', 'read', rec({ accountId: 'account-1' }))).toBe(true);
    expect(permissions.reaches('Case', 'read', rec({ accountIds: ['x', 'account-1'] }))).toBe(true);
    expect(permissions.reaches('Case', 'read', rec({ contactIds: ['contact-1'] }))).toBe(true);
    expect(permissions.reaches('Case', 'read', rec({ accountId: 'account-2', contactId: 'contact-2' }))).toBe(
      false,
    );
    expect(permissions.reaches('Case', 'edit', rec({ createdBy: { type: 'portalUser', id: ME } }))).toBe(
      true,
    );
    expect(permissions.reaches('Case', 'edit', rec({ createdByPortalUserId: ME }))).toBe(true);
    expect(permissions.reaches('Case', 'edit', rec({ accountId: 'account-1' }))).toBe(false);
    expect(permissions.reaches('Case', 'delete', rec({ createdByPortalUserId: ME }))).toBe(false);
    expect(permissions.reaches('Account', 'read', rec({ contactId: 'contact-1' }))).toBe(true);
    expect(permissions.reaches('Account', 'read', rec({ accountId: 'account-1' }))).toBe(false);
  });

  it('offers attaching files inside the stream level, or to a record the user created (the ACL canAttach)', () => {
    // This user's Case stream level is no: only their own cases take files from them.
    expect(permissions.canAttach('Case', rec({ createdByPortalUserId: ME }))).toBe(true);
    expect(permissions.canAttach('Case', rec({ accountId: 'account-1' }))).toBe(false);
    const streams = new PortalPermissions(me({ scopes: { Case: { read: 'account', stream: 'account' } } }));
    expect(streams.canAttach('Case', rec({ accountId: 'account-1' }))).toBe(true);
    expect(streams.canAttach('Case', rec({ accountId: 'account-2' }))).toBe(false);
    expect([permissions.canRead('Case'), permissions.canRead('Lead'), streams.canRead('Case')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
