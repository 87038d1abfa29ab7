// Examples for each rule of canReadAttachment and canAttach, one condition changed at a time (the
// property in acl.properties.spec.ts compares both with the reference model on random inputs).
import type { AclUser } from './acl-user';
import { canAttach, canReadAttachment, type AclAttachment } from './attachment-access';
import { mergeRoles } from './merge-roles';
import type { PortalContext } from './portal-context';
import type { ScopePermissions } from './portal-role';
import { anAccountCase } from './testing/account-case';

const portal: PortalContext = { portalId: 'portal-1', tabList: ['Case'], recordCriteria: {} };
const user: AclUser = { portalUserId: 'pu-1', portalId: 'portal-1', contactId: 'c-1', accountIds: ['a-1'] };

function permsFor(scope: ScopePermissions) {
  return mergeRoles([{ id: 'role-1', name: 'Role', scopes: { Case: scope }, fields: {} }]);
}
const readAndStream = { read: 'account', stream: 'account' } as const;
const readOnly = { read: 'account' } as const;

const aCase = anAccountCase;

function aFile(overrides: Partial<AclAttachment> = {}): AclAttachment {
  return { recordId: 'case-1', isInternal: false, commentId: null, commentIsInternal: false, ...overrides };
}

describe('canReadAttachment', () => {
  it('given a public file of a readable record, then it is readable, with or without stream', () => {
    expect(canReadAttachment(portal, permsFor(readAndStream), user, aCase(), aFile())).toBe(true);
    expect(canReadAttachment(portal, permsFor(readOnly), user, aCase(), aFile())).toBe(true);
  });

  it('given a file of another record, then it is not readable through this one', () => {
    expect(
      canReadAttachment(portal, permsFor(readAndStream), user, aCase(), aFile({ recordId: 'case-2' })),
    ).toBe(false);
  });

  it('given an internal file or a file of an internal comment, then it is not readable', () => {
    const perms = permsFor(readAndStream);
    expect(canReadAttachment(portal, perms, user, aCase(), aFile({ isInternal: true }))).toBe(false);
    expect(
      canReadAttachment(portal, perms, user, aCase(), aFile({ commentId: 'cm-1', commentIsInternal: true })),
    ).toBe(false);
  });

  it('given a record the user cannot read, then none of its files is readable', () => {
    const perms = permsFor(readAndStream);
    expect(canReadAttachment(portal, perms, user, aCase({ accountIds: ['a-other'] }), aFile())).toBe(false);
    expect(canReadAttachment(portal, permsFor({ stream: 'account' }), user, aCase(), aFile())).toBe(false);
  });

  it('given a file posted with a public comment, then it needs the stream level, as the comment does', () => {
    const file = aFile({ commentId: 'cm-1' });
    expect(canReadAttachment(portal, permsFor(readAndStream), user, aCase(), file)).toBe(true);
    expect(canReadAttachment(portal, permsFor(readOnly), user, aCase(), file)).toBe(false);
  });
});

describe('canAttach', () => {
  it('given the stream level on a readable record, then the user may attach', () => {
    expect(canAttach(portal, permsFor(readAndStream), user, aCase())).toBe(true);
  });

  it('given read without stream, then only the record the user created takes files', () => {
    const perms = permsFor(readOnly);
    expect(canAttach(portal, perms, user, aCase())).toBe(false);
    expect(canAttach(portal, perms, user, aCase({ createdByPortalUserId: 'pu-1' }))).toBe(true);
    expect(canAttach(portal, perms, user, aCase({ createdByPortalUserId: 'pu-2' }))).toBe(false);
  });

  it('given a record the user created but can no longer read, then they may not attach', () => {
    const mine = { createdByPortalUserId: 'pu-1' };
    expect(canAttach(portal, permsFor(readAndStream), user, aCase({ ...mine, isInternal: true }))).toBe(
      false,
    );
    expect(canAttach(portal, permsFor(readAndStream), user, aCase({ ...mine, deleted: true }))).toBe(false);
    expect(canAttach(portal, permsFor({ stream: 'account' }), user, aCase(mine))).toBe(false);
  });
});
