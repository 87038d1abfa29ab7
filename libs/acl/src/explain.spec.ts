import type { AclUser } from './acl-user';
import { explain } from './explain';
import { mergeRoles, type EffectivePermissions } from './merge-roles';
import type { PortalContext } from './portal-context';

const ctx: PortalContext = {
  portalId: 'p1',
  tabList: ['Case'],
  recordCriteria: { Document: [{ field: 'kind', op: 'eq', value: 'public' }] },
};
const user: AclUser = { portalUserId: 'pu1', portalId: 'p1', contactId: 'c1', accountIds: ['a1'] };
// Merged inside each test, so mutation testing attributes mergeRoles to the tests that use it.
let perms: EffectivePermissions;
beforeEach(() => {
  perms = mergeRoles([
    { id: 'r1', name: 'Readers', scopes: { Case: { read: 'own' } }, fields: {} },
    { id: 'r2', name: 'Account readers', scopes: { Case: { read: 'account', stream: 'own' } }, fields: {} },
  ]);
});

describe('explain without a record', () => {
  it('given a type in the tab list, then it tells per action whether some records are allowed, and by whom', () => {
    const explanation = explain(ctx, perms, user, null, 'Case');
    expect(explanation.recordId).toBeNull();
    expect(explanation.actions.read).toEqual({
      allowed: true,
      level: 'account',
      grantedBy: [{ id: 'r2', name: 'Account readers' }],
    });
    expect(explanation.actions.stream).toMatchObject({ allowed: true, level: 'own' });
    expect(explanation.actions.edit).toMatchObject({ allowed: false, reason: 'no_access' });
    expect(explanation.actions.create).toMatchObject({ allowed: false, reason: 'no_access', grantedBy: [] });
    expect(explanation.fields.alwaysReadOnly).toEqual(
      expect.arrayContaining(['assignedUserId', 'teamIds', 'id']),
    );
  });

  it('given a type outside the tab list, then every action is refused for that reason', () => {
    const explanation = explain(ctx, perms, user, undefined, 'Document');
    for (const action of ['create', 'read', 'edit', 'delete', 'stream'] as const) {
      expect(explanation.actions[action]).toMatchObject({ allowed: false, reason: 'not_in_tab_list' });
    }
  });

  it('given a malformed criterion for a shown type, then read is refused for the criteria', () => {
    const shown = {
      ...ctx,
      tabList: ['Case', 'Document'],
      recordCriteria: { Document: [{ field: 'kind', op: 'in' as const, value: 3 }] },
    };
    const readAll = mergeRoles([{ id: 'r', name: 'r', scopes: { Document: { read: 'all' } }, fields: {} }]);
    expect(explain(shown, readAll, user, null, 'Document').actions.read).toMatchObject({
      allowed: false,
      reason: 'record_criteria',
      message: "The portal's record criteria exclude the record.",
    });
  });
});

describe('explain fields', () => {
  it('given roles restricting fields, then it lists hidden, read-only and the fixed lists, each in name order', () => {
    const restricting = mergeRoles([
      {
        id: 'r',
        name: 'r',
        scopes: { Case: { read: 'all', edit: 'all' } },
        fields: {
          Case: {
            zeta: { read: 'no' },
            status: { edit: 'no' },
            alpha: { read: 'no' },
            body: { edit: 'no' },
            open: { read: 'yes', edit: 'yes' },
          },
        },
      },
    ]);
    const { fields } = explain(ctx, restricting, user, null, 'Case');
    expect(fields.hidden).toEqual(['alpha', 'zeta']);
    expect(fields.readOnly).toEqual(['body', 'status']);
    expect(fields.neverReadable).toEqual(['isInternal']);
    const alwaysReadOnly = [
      'accountId',
      'accountIds',
      'assignedUserId',
      'contactId',
      'contactIds',
      'createdAt',
      'createdBy',
      'createdByPortalUserId',
      'deleted',
      'entityType',
      'id',
      'isInternal',
      'modifiedAt',
      'modifiedBy',
      'modifiedByPortalUserId',
      'portalIds',
      'teamIds',
      'version',
    ];
    expect(fields.alwaysReadOnly).toEqual(alwaysReadOnly);
  });
});
