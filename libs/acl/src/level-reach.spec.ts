import type { AclUser } from './acl-user';
import { ownershipReach } from './level-reach';
import type { AccessLevel } from './levels';
import { matchesRecordFilter } from './record-filter';

// Examples per level, one step apart: each level reaches exactly one kind of record more than the
// level below it, so a level that fell through to its wider neighbour fails here.
describe('ownershipReach', () => {
  const user: AclUser = { portalUserId: 'pu1', portalId: 'p1', contactId: 'c1', accountIds: ['a1'] };
  const records = {
    own: { createdByPortalUserId: 'pu1', contactIds: [], accountIds: [] },
    ofTheirContact: { createdByPortalUserId: 'pu2', contactIds: ['c1'], accountIds: [] },
    ofTheirAccount: { createdByPortalUserId: 'pu2', contactIds: [], accountIds: ['a1'] },
    ofAnotherAccount: { createdByPortalUserId: 'pu2', contactIds: ['c2'], accountIds: ['a2'] },
  };
  const reached = (level: AccessLevel): string[] =>
    Object.entries(records)
      .filter(([, record]) => matchesRecordFilter(record, ownershipReach(level, user)))
      .map(([name]) => name);

  it.each<[AccessLevel, string[]]>([
    ['no', []],
    ['own', ['own']],
    ['contact', ['own', 'ofTheirContact']],
    ['account', ['own', 'ofTheirContact', 'ofTheirAccount']],
    ['all', ['own', 'ofTheirContact', 'ofTheirAccount', 'ofAnotherAccount']],
  ])('at level %s, a user with a contact and an account reaches %j', (level, expected) => {
    expect(reached(level)).toEqual(expected);
  });

  it('at level own, the reach is exactly their own records, whatever contact or accounts they have', () => {
    expect(ownershipReach('own', user)).toEqual({
      kind: 'eq',
      path: 'createdByPortalUserId',
      value: 'pu1',
    });
  });
});
