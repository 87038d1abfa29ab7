import { isFieldReadable, mergeRoles, type AccessLevel, type RoleDefinition } from '@portal/acl';
import { CASE_ENTITY_TYPE, type EntityTypeDefinition } from '@portal/domain';
import { recordListOptions } from '../../../records/record-list-options';
import { PortalListOptions } from './portal-list-options';

const role = (id: string, read: AccessLevel, hidden: string[] = []): RoleDefinition => ({
  id,
  name: 'Role',
  scopes: { Case: { read } },
  fields: { Case: Object.fromEntries(hidden.map((field) => [field, { read: 'no' }])) },
});

const perRequest = (def: EntityTypeDefinition, roles: RoleDefinition[]) => {
  const perms = mergeRoles(roles);
  return recordListOptions(def, (field) => isFieldReadable(perms, 'Case', field), false);
};

describe('PortalListOptions', () => {
  it('makes the options once per definition and readable fields, the same as made per request', () => {
    const options = new PortalListOptions();
    const first = options.of(CASE_ENTITY_TYPE, 'Case', mergeRoles([role('r-1', 'account')]));
    expect(first).toEqual(perRequest(CASE_ENTITY_TYPE, [role('r-1', 'account')]));
    expect(first.sortable.name).toBe('fields.name');
    // Another role, another level, the same readable fields: the same options.
    expect(options.of(CASE_ENTITY_TYPE, 'Case', mergeRoles([role('r-2', 'own')]))).toBe(first);
  });

  it('never offers a field the roles hide, nor any field of a type they do not open', () => {
    const options = new PortalListOptions();
    options.of(CASE_ENTITY_TYPE, 'Case', mergeRoles([role('r-1', 'account')]));
    const hidden = options.of(CASE_ENTITY_TYPE, 'Case', mergeRoles([role('r-3', 'account', ['name'])]));
    expect(hidden).toEqual(perRequest(CASE_ENTITY_TYPE, [role('r-3', 'account', ['name'])]));
    expect(hidden.sortable.name).toBeUndefined();
    expect(hidden.filterable.name).toBeUndefined();

    const closed = options.of(CASE_ENTITY_TYPE, 'Case', mergeRoles([role('r-4', 'no')]));
    expect(closed).toEqual(perRequest(CASE_ENTITY_TYPE, [role('r-4', 'no')]));
    expect(closed.filterable).toEqual({});
  });

  it('keeps another definition apart', () => {
    const options = new PortalListOptions();
    const perms = mergeRoles([role('r-1', 'account')]);
    const first = options.of(CASE_ENTITY_TYPE, 'Case', perms);
    const narrower: EntityTypeDefinition = { ...CASE_ENTITY_TYPE, fields: [] };
    const other = options.of(narrower, 'Case', perms);
    expect(other).not.toBe(first);
    expect(other.sortable.name).toBeUndefined();
  });
});
