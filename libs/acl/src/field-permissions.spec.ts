import {
  checkCreatableFields,
  isFieldEditable,
  isFieldSettableOnCreate,
  projectReadable,
  readableFieldsKey,
} from './field-permissions';
import { mergeRoles, type EffectivePermissions } from './merge-roles';
import type { RoleDefinition } from './portal-role';

// EspoCRM lets a role create records of a type it cannot read (a form that files cases its sender
// never sees again): the creating roles then decide which fields a new record may be given.
const filesCases: RoleDefinition = {
  id: 'files',
  name: 'Files cases',
  scopes: { Case: { create: 'yes', read: 'no' } },
  fields: {
    Case: { secret: { read: 'no' }, status: { edit: 'no' }, body: { read: 'yes', edit: 'yes' } },
  },
};
/** Edits cases without reading or creating them: it has no say on the fields of a new case. */
const editsOnly: RoleDefinition = {
  id: 'edits',
  name: 'Edits only',
  scopes: { Case: { edit: 'all' } },
  fields: { Case: { secret: { read: 'yes', edit: 'yes' }, status: { read: 'yes', edit: 'yes' } } },
};

describe('fields of a record created without read', () => {
  it('given roles that create the type, then their field restrictions decide what a new record takes', () => {
    const perms = mergeRoles([filesCases, editsOnly]);
    expect(perms.fields.Case).toEqual({
      secret: { read: 'no', edit: 'no' },
      status: { read: 'yes', edit: 'no' },
      body: { read: 'yes', edit: 'yes' },
    });
    expect(isFieldSettableOnCreate(perms, 'Case', 'name')).toBe(true);
    expect(isFieldSettableOnCreate(perms, 'Case', 'body')).toBe(true);
    expect(isFieldSettableOnCreate(perms, 'Case', 'secret')).toBe(false);
    expect(isFieldSettableOnCreate(perms, 'Case', 'status')).toBe(false);
    expect(checkCreatableFields(perms, 'Case', ['name', 'secret', 'body', 'status', 'secret'])).toEqual([
      'secret',
      'status',
    ]);
  });

  it('given no read, then nothing is editable on an existing record even where a new one may be given it', () => {
    const perms = mergeRoles([filesCases, editsOnly]);
    expect(isFieldEditable(perms, 'Case', 'body')).toBe(false);
  });

  it('given permissions whose entry says edit but not read (a hand-built or stale set), then the field is refused', () => {
    const handBuilt: EffectivePermissions = {
      roles: [],
      scopes: {},
      fields: { Case: { odd: { read: 'no', edit: 'yes' }, shown: { read: 'yes', edit: 'no' } } },
    };
    expect(isFieldSettableOnCreate(handBuilt, 'Case', 'odd')).toBe(false);
    expect(isFieldSettableOnCreate(handBuilt, 'Case', 'shown')).toBe(false);
  });
});

describe('readableFieldsKey', () => {
  const hides = (fields: Record<string, { read?: 'yes' | 'no'; edit?: 'yes' | 'no' }>): RoleDefinition => ({
    id: 'r',
    name: 'R',
    scopes: { Case: { read: 'own' } },
    fields: { Case: fields },
  });
  const record = { name: 'n', secret: 's', status: 'open', isInternal: false };

  it('is the same exactly when projectReadable keeps the same fields of every record', () => {
    const a = mergeRoles([hides({ secret: { read: 'no' } })]);
    const b = mergeRoles([hides({ secret: { read: 'no' }, status: { edit: 'no' } })]);
    const c = mergeRoles([hides({ status: { read: 'no' } })]);
    expect(readableFieldsKey(a, 'Case')).toBe(readableFieldsKey(b, 'Case'));
    expect(projectReadable(a, 'Case', record)).toEqual(projectReadable(b, 'Case', record));
    expect(readableFieldsKey(a, 'Case')).not.toBe(readableFieldsKey(c, 'Case'));
    expect(projectReadable(a, 'Case', record)).not.toEqual(projectReadable(c, 'Case', record));
  });

  it('tells a type that is not readable at all from one that hides nothing', () => {
    const none = mergeRoles([]);
    const all = mergeRoles([hides({})]);
    expect(readableFieldsKey(none, 'Case')).not.toBe(readableFieldsKey(all, 'Case'));
    expect(projectReadable(none, 'Case', record)).toEqual({});
  });
});
