import type { AclUser } from './acl-user';
import { filterPaths } from './filter-paths';
import { ACCESS_LEVELS } from './levels';
import { mergeRoles } from './merge-roles';
import type { PortalContext } from './portal-context';
import { scopeFilter } from './scope-filter';
import { RECORD_SCOPE_PATHS } from './scope-paths';

describe('RECORD_SCOPE_PATHS', () => {
  const ctx: PortalContext = { portalId: 'p1', tabList: ['Case', 'Thing'], recordCriteria: {} };
  const users: AclUser[] = [
    { portalUserId: 'pu1', portalId: 'p1', contactId: null, accountIds: [] },
    { portalUserId: 'pu1', portalId: 'p1', contactId: 'c1', accountIds: [] },
    { portalUserId: 'pu1', portalId: 'p1', contactId: 'c1', accountIds: ['a1', 'a2'] },
  ];

  it('given any read level and user, then the scope of a type without rule or criteria reads only these paths, and all of them in some scope', () => {
    const read = new Set<string>();
    for (const entityType of ['Case', 'Thing'])
      for (const level of ACCESS_LEVELS)
        for (const user of users) {
          const perms = mergeRoles([
            { id: 'r', name: 'r', scopes: { [entityType]: { read: level } }, fields: {} },
          ]);
          for (const path of filterPaths(scopeFilter(ctx, perms, user, entityType))) read.add(path);
        }
    expect([...read].sort()).toEqual([...RECORD_SCOPE_PATHS].sort());
  });

  it('given record criteria, then the scope reads a field beyond them (its total is counted from the records)', () => {
    const perms = mergeRoles([{ id: 'r', name: 'r', scopes: { Case: { read: 'all' } }, fields: {} }]);
    const withCriteria: PortalContext = {
      ...ctx,
      recordCriteria: { Case: [{ field: 'status', op: 'eq', value: 'Open' }] },
    };
    const paths = filterPaths(scopeFilter(withCriteria, perms, users[2], 'Case'));
    expect([...paths].filter((path) => !RECORD_SCOPE_PATHS.includes(path))).toEqual(['fields.status']);
  });
});
