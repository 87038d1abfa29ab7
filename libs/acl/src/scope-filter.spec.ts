import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import { canRead } from './access-checks';
import type { AccessLevel } from './levels';
import { mergeRoles } from './merge-roles';
import type { PortalContext } from './portal-context';
import { matchesRecordFilter } from './record-filter';
import { levelReach, scopeFilter } from './scope-filter';

const ctx: PortalContext = { portalId: 'p1', tabList: ['Case', 'KnowledgeBaseArticle'], recordCriteria: {} };

function readRole(entityType: string, read: AccessLevel) {
  return mergeRoles([{ id: 'r', name: 'r', scopes: { [entityType]: { read } }, fields: {} }]);
}

function record(overrides: Partial<AclRecord>): AclRecord {
  return {
    id: 'x',
    entityType: 'Case',
    fields: {},
    createdByPortalUserId: null,
    contactIds: [],
    accountIds: [],
    isInternal: false,
    deleted: false,
    ...overrides,
  };
}

describe('scopeFilter', () => {
  const loner: AclUser = { portalUserId: 'pu1', portalId: 'p1', contactId: null, accountIds: [] };

  it('given a user without contact or accounts at account level, then only their own records are reached', () => {
    const perms = readRole('Case', 'account');
    expect(canRead(ctx, perms, loner, record({ createdByPortalUserId: 'pu1' }))).toBe(true);
    expect(canRead(ctx, perms, loner, record({}))).toBe(false);
    expect(canRead(ctx, perms, loner, record({ contactIds: ['c1'], accountIds: ['a1'] }))).toBe(false);
    expect(scopeFilter(ctx, perms, loner, 'Case')).toEqual({
      kind: 'and',
      filters: [
        { kind: 'eq', path: 'entityType', value: 'Case' },
        { kind: 'eq', path: 'deleted', value: false },
        { kind: 'eq', path: 'isInternal', value: false },
        { kind: 'eq', path: 'createdByPortalUserId', value: 'pu1' },
      ],
    });
  });

  it('given a user without accounts at account level, then their article reach is plainly the portal-wide ones', () => {
    const portalWide = { kind: 'isEmpty', path: 'accountIds' };
    expect(levelReach(loner, 'KnowledgeBaseArticle', 'account')).toEqual(portalWide);
    expect(levelReach({ ...loner, accountIds: ['a1'] }, 'KnowledgeBaseArticle', 'account')).toEqual({
      kind: 'or',
      filters: [portalWide, { kind: 'overlaps', path: 'accountIds', values: ['a1'] }],
    });
  });

  it('given a user with a contact but no account at account level, then contact records are reached too', () => {
    const perms = readRole('Case', 'account');
    const user = { ...loner, contactId: 'c1' };
    expect(canRead(ctx, perms, user, record({ contactIds: ['c1'] }))).toBe(true);
    expect(canRead(ctx, perms, user, record({ accountIds: ['a1'] }))).toBe(false);
  });

  it('given level contact, then a record of the user’s account that is not linked to their contact is out', () => {
    const perms = readRole('Case', 'contact');
    const user = { ...loner, contactId: 'c1', accountIds: ['a1'] };
    expect(canRead(ctx, perms, user, record({ accountIds: ['a1'], contactIds: ['c2'] }))).toBe(false);
    expect(canRead(ctx, perms, user, record({ accountIds: ['a1'], contactIds: ['c2', 'c1'] }))).toBe(true);
  });

  it('given read no or a type outside the tab list, then the filter is plainly none', () => {
    expect(scopeFilter(ctx, readRole('Case', 'no'), loner, 'Case')).toEqual({ kind: 'none' });
    expect(scopeFilter(ctx, readRole('Document', 'all'), loner, 'Document')).toEqual({ kind: 'none' });
  });

  it('given edit beyond read, then edit is capped by read', () => {
    const perms = mergeRoles([
      { id: 'r', name: 'r', scopes: { Case: { read: 'own', edit: 'all' } }, fields: {} },
    ]);
    const user = { ...loner, accountIds: ['a1'] };
    const others = record({ accountIds: ['a1'] });
    const mine = record({ createdByPortalUserId: 'pu1' });
    expect(matchesRecordFilter(others, scopeFilter(ctx, perms, user, 'Case', 'edit'))).toBe(false);
    expect(matchesRecordFilter(mine, scopeFilter(ctx, perms, user, 'Case', 'edit'))).toBe(true);
  });

  it('given a malformed criterion, then the portal exposes nothing of that type', () => {
    const perms = readRole('Case', 'all');
    const bad: PortalContext = {
      ...ctx,
      recordCriteria: { Case: [{ field: 'status', op: 'in', value: 'Open' }] },
    };
    expect(scopeFilter(bad, perms, loner, 'Case')).toEqual({ kind: 'none' });
  });

  it('given criteria, then they are ANDed on fields', () => {
    const perms = readRole('Case', 'all');
    const criteria: PortalContext = {
      ...ctx,
      recordCriteria: {
        Case: [
          { field: 'status', op: 'ne', value: 'Closed' },
          { field: 'priority', op: 'in', value: ['High', 'Urgent'] },
        ],
      },
    };
    expect(canRead(criteria, perms, loner, record({ fields: { status: 'Open', priority: 'High' } }))).toBe(
      true,
    );
    expect(canRead(criteria, perms, loner, record({ fields: { status: 'Closed', priority: 'High' } }))).toBe(
      false,
    );
    expect(canRead(criteria, perms, loner, record({ fields: { status: 'Open', priority: 'Low' } }))).toBe(
      false,
    );
  });

  it('given a portal-wide article, then any read level but no reaches it; one with accounts needs a shared one', () => {
    const article = record({
      entityType: 'KnowledgeBaseArticle',
      fields: { status: 'Published' },
      portalIds: ['p1'],
    });
    const linked = { ...article, accountIds: ['a1'] };
    const user = { ...loner, contactId: 'c1', accountIds: ['a1'] };
    for (const level of ['own', 'contact', 'account', 'all'] as const) {
      expect(canRead(ctx, readRole('KnowledgeBaseArticle', level), user, article)).toBe(true);
    }
    expect(canRead(ctx, readRole('KnowledgeBaseArticle', 'no'), user, article)).toBe(false);
    expect(
      canRead(ctx, readRole('KnowledgeBaseArticle', 'contact'), user, { ...linked, contactIds: ['c1'] }),
    ).toBe(false);
    expect(canRead(ctx, readRole('KnowledgeBaseArticle', 'account'), user, linked)).toBe(true);
    expect(canRead(ctx, readRole('KnowledgeBaseArticle', 'account'), loner, linked)).toBe(false);
    expect(canRead(ctx, readRole('KnowledgeBaseArticle', 'all'), loner, linked)).toBe(true);
    expect(
      canRead(ctx, readRole('KnowledgeBaseArticle', 'all'), loner, { ...article, portalIds: undefined }),
    ).toBe(false);
  });
});
