// The fields no role can open, pinned one by one against lists written here from the rules (the
// security model in protected-fields.ts's comment), not read back from the implementation: a field
// that silently left the list would let portal users rewrite it.
import fc from 'fast-check';
import {
  checkCreatableFields,
  checkWritableFields,
  editableFields,
  isFieldEditable,
  isFieldSettableOnCreate,
  isFieldReadable,
  projectReadable,
} from './field-permissions';
import { ACCESS_LEVELS } from './levels';
import { mergeRoles } from './merge-roles';
import type { FieldPermission, RoleDefinition } from './portal-role';
import {
  ALWAYS_READ_ONLY_FIELDS,
  NEVER_READABLE_FIELDS,
  isAlwaysReadOnlyField,
  isNeverReadableField,
} from './protected-fields';
import { propertyRuns } from './testing/property-runs';

const STAFF_ASSIGNMENT = ['assignedUserId', 'teamIds'];
const SYSTEM_FIELDS = [
  'id',
  'entityType',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'createdByPortalUserId',
  'modifiedByPortalUserId',
  'deleted',
  'isInternal',
  'version',
];
const EXPOSURE_LINKS = ['accountId', 'accountIds', 'contactId', 'contactIds', 'portalIds'];
const ALWAYS_READ_ONLY = [...STAFF_ASSIGNMENT, ...SYSTEM_FIELDS, ...EXPOSURE_LINKS];
const NEVER_READABLE = ['isInternal'];
/** Ordinary fields: open to a role that grants the type and says nothing about them. */
const ORDINARY = ['name', 'subject', 'status', 'description', 'priority', 'accountName'];

const TYPES = ['Case', 'Account', 'Contact', 'KnowledgeBaseArticle', 'Document'];

const fieldPermArb: fc.Arbitrary<FieldPermission> = fc.record(
  { read: fc.constantFrom<'yes' | 'no'>('yes', 'no'), edit: fc.constantFrom<'yes' | 'no'>('yes', 'no') },
  { requiredKeys: [] },
);

/** Any roles, some of which say `yes` to reading and editing the protected fields outright. */
const rolesArb: fc.Arbitrary<RoleDefinition[]> = fc
  .array(
    fc.record({
      scopes: fc.dictionary(
        fc.constantFrom(...TYPES),
        fc.record(
          {
            create: fc.constantFrom<'yes' | 'no'>('yes', 'no'),
            read: fc.constantFrom(...ACCESS_LEVELS),
            edit: fc.constantFrom(...ACCESS_LEVELS),
          },
          { requiredKeys: [] },
        ),
      ),
      fields: fc.dictionary(
        fc.constantFrom(...TYPES),
        fc.dictionary(fc.constantFrom(...ALWAYS_READ_ONLY, ...ORDINARY), fieldPermArb),
      ),
    }),
    { maxLength: 4 },
  )
  .map((roles) => roles.map((role, i) => ({ id: `r${i}`, name: `Role ${i}`, ...role })));

/** A role that grants everything on every type and explicitly opens every protected field. */
const grantsEverything: RoleDefinition = {
  id: 'everything',
  name: 'Everything',
  scopes: Object.fromEntries(
    TYPES.map((t) => [t, { create: 'yes', read: 'all', edit: 'all', delete: 'all', stream: 'all' }]),
  ),
  fields: Object.fromEntries(
    TYPES.map((t) => [t, Object.fromEntries(ALWAYS_READ_ONLY.map((f) => [f, { read: 'yes', edit: 'yes' }]))]),
  ),
};

describe('always read-only fields', () => {
  it.each(ALWAYS_READ_ONLY)('%s is always read-only', (field) => {
    expect(isAlwaysReadOnlyField(field)).toBe(true);
  });

  it('are exactly the staff assignment, the system fields and the links that decide exposure', () => {
    expect([...ALWAYS_READ_ONLY_FIELDS].sort()).toEqual([...ALWAYS_READ_ONLY].sort());
  });

  it.each(ORDINARY)('%s is not always read-only', (field) => {
    expect(isAlwaysReadOnlyField(field)).toBe(false);
  });

  it('every field of the list is refused on create and edit, for every combination of roles', () => {
    fc.assert(
      fc.property(rolesArb, fc.boolean(), fc.constantFrom(...TYPES), (roles, withEverything, type) => {
        const perms = mergeRoles(withEverything ? [...roles, grantsEverything] : roles);
        const editable = editableFields(perms, type);
        for (const field of ALWAYS_READ_ONLY) {
          expect(isFieldEditable(perms, type, field)).toBe(false);
          expect(editable(field)).toBe(false);
          expect(isFieldSettableOnCreate(perms, type, field)).toBe(false);
        }
        // Sent among ordinary fields, every protected one is named in the refusal.
        const sent = [...ORDINARY, ...ALWAYS_READ_ONLY];
        expect(checkWritableFields(perms, type, sent)).toEqual(expect.arrayContaining(ALWAYS_READ_ONLY));
        expect(checkCreatableFields(perms, type, sent)).toEqual(expect.arrayContaining(ALWAYS_READ_ONLY));
      }),
      propertyRuns(200),
    );
  });

  it('a role granting the type leaves the ordinary fields editable, so the refusal is about the list', () => {
    const perms = mergeRoles([grantsEverything]);
    for (const type of TYPES) {
      expect(checkWritableFields(perms, type, [...ORDINARY, ...ALWAYS_READ_ONLY]).sort()).toEqual(
        [...ALWAYS_READ_ONLY].sort(),
      );
      expect(checkCreatableFields(perms, type, [...ORDINARY, ...ALWAYS_READ_ONLY]).sort()).toEqual(
        [...ALWAYS_READ_ONLY].sort(),
      );
    }
  });
});

describe('never readable fields', () => {
  it('are exactly isInternal', () => {
    expect([...NEVER_READABLE_FIELDS]).toEqual(NEVER_READABLE);
    expect(isNeverReadableField('isInternal')).toBe(true);
  });

  it('isInternal is hidden for every combination of roles, and the other read-only fields stay readable where the type is', () => {
    fc.assert(
      fc.property(rolesArb, fc.constantFrom(...TYPES), (roles, type) => {
        const perms = mergeRoles([...roles, grantsEverything]);
        expect(isFieldReadable(perms, type, 'isInternal')).toBe(false);
        const projected = projectReadable(perms, type, { isInternal: false, accountIds: ['a1'], name: 'x' });
        expect(projected).not.toHaveProperty('isInternal');
        for (const field of ALWAYS_READ_ONLY.filter((f) => !NEVER_READABLE.includes(f))) {
          expect(isNeverReadableField(field)).toBe(false);
          expect(isFieldReadable(perms, type, field)).toBe(true);
        }
      }),
      propertyRuns(100),
    );
  });
});
