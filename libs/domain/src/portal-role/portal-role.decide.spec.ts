import { decideCreatePortalRole, decideDeletePortalRole, decideUpdatePortalRole } from './portal-role.decide';
import type { PortalRoleEvent, PortalRoleFields, PortalRoleScopes } from './portal-role.events';
import { given, problem, refusal } from './testing/portal-role.scenario';

const roleId = 'r-1';
// The EspoCRM example role: create cases, read the account's cases and knowledge base.
const scopes: PortalRoleScopes = {
  Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' },
  KnowledgeBaseArticle: { create: 'no', read: 'account', edit: 'no', delete: 'no' },
};
const fields: PortalRoleFields = {
  Case: { internalNotes: { read: 'no', edit: 'no' }, status: { read: 'yes', edit: 'no' } },
};
const created: PortalRoleEvent = {
  type: 'PortalRoleCreated',
  data: { roleId, name: 'Customer support', scopes, fields },
};
const deleted: PortalRoleEvent = { type: 'PortalRoleDeleted', data: { roleId } };

describe('decideCreatePortalRole', () => {
  it('creates the role from the contract’s example', () => {
    expect(decideCreatePortalRole({ roleId, name: ' Customer support ', scopes, fields }, given([]))).toEqual(
      [created],
    );
  });

  it('defaults to no scopes and no field restrictions', () => {
    expect(decideCreatePortalRole({ roleId, name: 'Empty' }, given([]))).toEqual([
      { type: 'PortalRoleCreated', data: { roleId, name: 'Empty', scopes: {}, fields: {} } },
    ]);
  });

  it('drops undefined entries so the event is plain JSON', () => {
    const [event] = decideCreatePortalRole(
      { roleId, name: 'R', scopes: { Case: { read: 'own', edit: undefined } } },
      given([]),
    );
    expect(event?.data).toEqual({ roleId, name: 'R', scopes: { Case: { read: 'own' } }, fields: {} });
    expect(Object.keys((event?.type === 'PortalRoleCreated' && event.data.scopes.Case) || {})).toEqual([
      'read',
    ]);
  });

  it('refuses an existing role with role_exists', () => {
    const error = refusal(() => decideCreatePortalRole({ roleId, name: 'Again' }, given([created])));
    expect([error.code, error.kind]).toEqual(['role_exists', 'conflict']);
  });

  it.each([
    ['invalid_role_name', { name: '   ' }, 'name'],
    ['invalid_level', { scopes: { Case: { read: 'everything' } } }, 'scopes.Case.read'],
    ['invalid_level', { scopes: { Case: { stream: 'yes' } } }, 'scopes.Case.stream'],
    ['invalid_create_level', { scopes: { Case: { create: 'all' } } }, 'scopes.Case.create'],
    ['invalid_action', { scopes: { Case: { approve: 'all' } } }, 'scopes.Case.approve'],
    ['invalid_entity_type', { scopes: { __proto__x: { read: 'all' } } }, 'scopes.__proto__x'],
    ['invalid_scopes', { scopes: { Case: 'all' } }, 'scopes.Case'],
    ['invalid_field_level', { fields: { Case: { status: { read: 'own' } } } }, 'fields.Case.status.read'],
    ['invalid_field_action', { fields: { Case: { status: { delete: 'no' } } } }, 'fields.Case.status.delete'],
    ['invalid_field_name', { fields: { Case: { 'a.b': { read: 'no' } } } }, 'fields.Case.a.b'],
    ['invalid_entity_type', { fields: { case: { status: { read: 'no' } } } }, 'fields.case'],
    ['invalid_fields', { fields: { Case: { status: 'no' } } }, 'fields.Case.status'],
  ])('refuses with %s', (code, patch, path) => {
    const command = { roleId, name: 'R', ...patch } as unknown as Parameters<
      typeof decideCreatePortalRole
    >[0];
    const error = refusal(() => decideCreatePortalRole(command, given([])));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
    expect(error.errors.map((e) => e.path)).toContain(path);
  });

  it('lists every problem, with the first one’s code', () => {
    const command = {
      roleId,
      name: 'R',
      scopes: { Case: { read: 'x', edit: 'y' }, Document: { create: 'maybe' } },
    } as unknown as Parameters<typeof decideCreatePortalRole>[0];
    const error = refusal(() => decideCreatePortalRole(command, given([])));
    expect(error.code).toBe('invalid_level');
    expect(error.errors.map((e) => e.path)).toEqual([
      'scopes.Case.read',
      'scopes.Case.edit',
      'scopes.Document.create',
    ]);
  });
});

describe('decideUpdatePortalRole', () => {
  it('emits only what changed, with from and to', () => {
    const widened: PortalRoleScopes = { ...scopes, Case: { ...scopes.Case, edit: 'own' } };
    expect(
      decideUpdatePortalRole({ roleId, name: 'Customer support', scopes: widened }, given([created])),
    ).toEqual([
      { type: 'PortalRoleChanged', data: { roleId, changes: { scopes: { from: scopes, to: widened } } } },
    ]);
  });

  it('renames and replaces field permissions', () => {
    expect(decideUpdatePortalRole({ roleId, name: 'Support', fields: {} }, given([created]))).toEqual([
      {
        type: 'PortalRoleChanged',
        data: {
          roleId,
          changes: { name: { from: 'Customer support', to: 'Support' }, fields: { from: fields, to: {} } },
        },
      },
    ]);
  });

  it('emits nothing when nothing changed (key order aside)', () => {
    const reordered: PortalRoleScopes = {
      KnowledgeBaseArticle: { delete: 'no', edit: 'no', read: 'account', create: 'no' },
      Case: { stream: 'account', delete: 'no', edit: 'no', read: 'account', create: 'yes' },
    };
    expect(decideUpdatePortalRole({ roleId, scopes: reordered, fields }, given([created]))).toEqual([]);
    expect(decideUpdatePortalRole({ roleId }, given([created]))).toEqual([]);
  });

  it('refuses an invalid level with invalid_level', () => {
    const error = refusal(() =>
      decideUpdatePortalRole({ roleId, scopes: { Case: { read: 'team' as 'all' } } }, given([created])),
    );
    expect(error.code).toBe('invalid_level');
  });

  it('refuses a deleted role with role_deleted', () => {
    const error = refusal(() => decideUpdatePortalRole({ roleId, name: 'X' }, given([created, deleted])));
    expect([error.code, error.kind]).toEqual(['role_deleted', 'not-found']);
  });

  it('refuses an unknown role with role_not_found', () => {
    const error = refusal(() => decideUpdatePortalRole({ roleId, name: 'X' }, given([])));
    expect([error.code, error.kind]).toEqual(['role_not_found', 'not-found']);
  });
});

describe('decideDeletePortalRole', () => {
  it('deletes a role once; deleting again is a no-op', () => {
    expect(decideDeletePortalRole({ roleId }, given([created]))).toEqual([deleted]);
    expect(decideDeletePortalRole({ roleId }, given([created, deleted]))).toEqual([]);
  });

  it('refuses an unknown role with role_not_found', () => {
    expect(refusal(() => decideDeletePortalRole({ roleId }, given([]))).code).toBe('role_not_found');
  });
});

describe('portal roles: what each refusal tells', () => {
  it('tells that the role exists, is unknown or was deleted', () => {
    const create = () =>
      decideCreatePortalRole({ roleId, name: 'Customer support', scopes, fields }, given([created]));
    expect(problem(create)).toEqual({
      code: 'role_exists',
      kind: 'conflict',
      message: 'Portal role already exists',
      errors: [],
    });
    const notFound = {
      code: 'role_not_found',
      kind: 'not-found',
      message: 'Portal role not found',
      errors: [],
    };
    expect(problem(() => decideUpdatePortalRole({ roleId, name: 'X' }, given([])))).toEqual(notFound);
    expect(problem(() => decideDeletePortalRole({ roleId }, given([])))).toEqual(notFound);
    expect(problem(() => decideUpdatePortalRole({ roleId, name: 'X' }, given([created, deleted])))).toEqual({
      code: 'role_deleted',
      kind: 'not-found',
      message: 'This portal role was deleted',
      errors: [],
    });
  });
});
