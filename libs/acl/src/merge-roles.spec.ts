import { isFieldEditable, isFieldReadable } from './field-permissions';
import { mergeRoles, scopeOf } from './merge-roles';
import type { RoleDefinition } from './portal-role';

function role(
  id: string,
  scopes: RoleDefinition['scopes'],
  fields: RoleDefinition['fields'] = {},
): RoleDefinition {
  return { id, name: `Role ${id}`, scopes, fields };
}

describe('mergeRoles', () => {
  it('given no roles, then every action on every type is no and no field is readable', () => {
    const perms = mergeRoles([]);
    expect(scopeOf(perms, 'Case').read).toEqual({ level: 'no', grantedBy: [] });
    expect(scopeOf(perms, 'Case').create).toEqual({ level: 'no', grantedBy: [] });
    expect(isFieldReadable(perms, 'Case', 'name')).toBe(false);
  });

  it('given two roles, then per action the widest level wins and remembers who granted it', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'own', edit: 'own', stream: 'account' } }),
      role('r2', { Case: { read: 'account', create: 'yes', stream: 'account' } }),
    ]);
    const scope = scopeOf(perms, 'Case');
    expect(scope.read).toEqual({ level: 'account', grantedBy: [{ id: 'r2', name: 'Role r2' }] });
    expect(scope.edit).toEqual({ level: 'own', grantedBy: [{ id: 'r1', name: 'Role r1' }] });
    expect(scope.delete).toEqual({ level: 'no', grantedBy: [] });
    expect(scope.create.level).toBe('yes');
    expect(scope.stream.grantedBy.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('given roles stored before `share` existed, then share is no; given share levels, then the widest wins', () => {
    expect(scopeOf(mergeRoles([role('r1', { Case: { read: 'all', stream: 'all' } })]), 'Case').share).toEqual(
      {
        level: 'no',
        grantedBy: [],
      },
    );
    const perms = mergeRoles([
      role('r1', { Case: { read: 'all', share: 'own' } }),
      role('r2', { Case: { read: 'own', share: 'account' } }),
    ]);
    expect(scopeOf(perms, 'Case').share).toEqual({
      level: 'account',
      grantedBy: [{ id: 'r2', name: 'Role r2' }],
    });
  });

  it('given the same role twice (portal and user), then it is counted once', () => {
    const r = role('r1', { Case: { read: 'all' } });
    const perms = mergeRoles([r, r]);
    expect(perms.roles).toEqual([{ id: 'r1', name: 'Role r1' }]);
    expect(scopeOf(perms, 'Case').read.grantedBy).toHaveLength(1);
  });

  it('given a level that is not a level, then it counts as no', () => {
    const perms = mergeRoles([role('r1', { Case: { read: 'everything' as never, create: 'YES' as never } })]);
    expect(scopeOf(perms, 'Case').read.level).toBe('no');
    expect(scopeOf(perms, 'Case').create.level).toBe('no');
  });

  it('given a role hiding a field and a role about another type, then the field stays hidden', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'own' } }, { Case: { internalNotes: { read: 'no' } } }),
      role('r2', { Document: { read: 'all' } }),
    ]);
    expect(isFieldReadable(perms, 'Case', 'internalNotes')).toBe(false);
    expect(isFieldReadable(perms, 'Case', 'name')).toBe(true);
  });

  it('given a role that reads the type without restricting the field, then that role re-opens it', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'own' } }, { Case: { internalNotes: { read: 'no' } } }),
      role('r2', { Case: { read: 'own' } }),
    ]);
    expect(isFieldReadable(perms, 'Case', 'internalNotes')).toBe(true);
  });

  it('given a role restricting fields of a type it cannot read, then its vote does not count', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'all' } }, { Case: { status: { edit: 'no' } } }),
      role('r2', { Case: { read: 'no' } }, { Case: { status: { edit: 'yes' } } }),
    ]);
    expect(isFieldEditable(perms, 'Case', 'status')).toBe(false);
  });

  it('given a field hidden but marked editable, then it is not editable', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'all' } }, { Case: { secret: { read: 'no', edit: 'yes' } } }),
    ]);
    expect(isFieldEditable(perms, 'Case', 'secret')).toBe(false);
  });

  it('given roles whatever they say, then assignedUserId, teamIds and system fields are read-only', () => {
    const perms = mergeRoles([
      role(
        'r1',
        { Case: { read: 'all', edit: 'all' } },
        { Case: { assignedUserId: { read: 'yes', edit: 'yes' } } },
      ),
    ]);
    for (const field of [
      'assignedUserId',
      'teamIds',
      'id',
      'createdAt',
      'createdBy',
      'modifiedAt',
      'modifiedBy',
    ]) {
      expect(isFieldEditable(perms, 'Case', field)).toBe(false);
    }
    expect(isFieldReadable(perms, 'Case', 'assignedUserId')).toBe(true);
    expect(isFieldReadable(perms, 'Case', 'isInternal')).toBe(false);
  });

  it('given names that exist on Object.prototype, then they are ordinary names', () => {
    const perms = mergeRoles([role('r1', { Case: { read: 'all' } })]);
    expect(scopeOf(perms, 'constructor').read.level).toBe('no');
    expect(scopeOf(perms, 'toString').create.level).toBe('no');
    expect(isFieldReadable(perms, 'Case', 'constructor')).toBe(true);
    const proto = mergeRoles([
      role(
        'r1',
        JSON.parse('{"__proto__": {"read": "all"}}'),
        JSON.parse('{"__proto__": {"x": {"read": "no"}}}'),
      ),
    ]);
    expect(scopeOf(proto, '__proto__').read.level).toBe('all');
    expect(isFieldReadable(proto, '__proto__', 'x')).toBe(false);
    expect(({} as Record<string, unknown>).read).toBeUndefined();
  });

  it('given roles that can neither read nor create a type, then the permissions list no fields for it', () => {
    const perms = mergeRoles([
      role('r1', { Case: { edit: 'all', read: 'no' } }, { Case: { secret: { read: 'no' } } }),
      role('r2', { Document: { read: 'own' } }, { Document: { title: { edit: 'no' } } }),
    ]);
    expect(Object.keys(perms.fields)).toEqual(['Document']);
    expect(perms.fields.Document).toEqual({ title: { read: 'yes', edit: 'no' } });
  });

  it('given a field every voter hides, then the permissions say it is neither readable nor editable', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'all' } }, { Case: { secret: { read: 'no' }, status: { edit: 'no' } } }),
      role('r2', { Case: { read: 'own' } }, { Case: { secret: { read: 'no', edit: 'yes' } } }),
    ]);
    expect(perms.fields.Case).toEqual({
      secret: { read: 'no', edit: 'no' },
      status: { read: 'yes', edit: 'yes' },
    });
  });

  it('then the result survives a JSON round trip unchanged', () => {
    const perms = mergeRoles([
      role('r1', { Case: { read: 'account', create: 'yes' } }, { Case: { internalNotes: { read: 'no' } } }),
    ]);
    expect(JSON.parse(JSON.stringify(perms))).toEqual(perms);
  });
});
