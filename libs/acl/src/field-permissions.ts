import { type EffectivePermissions, scopeOf } from './merge-roles';
import { ownEntry, setEntry } from './own-entry';
import { isAlwaysReadOnlyField, isNeverReadableField } from './protected-fields';

/**
 * Field-level permissions of merged roles. Record-level access (can the user read or edit this
 * record at all) is checked separately; these say which fields of a record they may see or change.
 */

/** True when the portal user may see `field` on records of `entityType` they can read. */
export function isFieldReadable(perms: EffectivePermissions, entityType: string, field: string): boolean {
  if (isNeverReadableField(field)) return false;
  if (scopeOf(perms, entityType).read.level === 'no') return false;
  const restricted = ownEntry(ownEntry(perms.fields, entityType), field);
  return restricted === undefined || restricted.read === 'yes';
}

/** True when the portal user may set `field` on records of `entityType` they can edit or create. */
export function isFieldEditable(perms: EffectivePermissions, entityType: string, field: string): boolean {
  if (isAlwaysReadOnlyField(field) || !isFieldReadable(perms, entityType, field)) return false;
  const restricted = ownEntry(ownEntry(perms.fields, entityType), field);
  return restricted === undefined || restricted.edit === 'yes';
}

/**
 * True when the portal user may give `field` a value in a record they create. As in EspoCRM, a
 * role may grant create without read (a form that files records its sender cannot look at
 * afterwards): only the field-level entries and the protected fields decide here, not the
 * record-level read level. With a read level other than `no` this is exactly isFieldEditable.
 */
export function isFieldSettableOnCreate(
  perms: EffectivePermissions,
  entityType: string,
  field: string,
): boolean {
  if (isAlwaysReadOnlyField(field) || isNeverReadableField(field)) return false;
  const restricted = ownEntry(ownEntry(perms.fields, entityType), field);
  return restricted === undefined || (restricted.read === 'yes' && restricted.edit === 'yes');
}

/** Fields are open unless restricted, so readable fields are a predicate, not a list. */
export function readableFields(perms: EffectivePermissions, entityType: string): (field: string) => boolean {
  return (field) => isFieldReadable(perms, entityType, field);
}

export function editableFields(perms: EffectivePermissions, entityType: string): (field: string) => boolean {
  return (field) => isFieldEditable(perms, entityType, field);
}

/** A copy of `fields` without the fields the portal user may not read. */
export function projectReadable<T extends Record<string, unknown>>(
  perms: EffectivePermissions,
  entityType: string,
  fields: T,
): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (isFieldReadable(perms, entityType, field)) setEntry(out, field, value);
  }
  return out as Partial<T>;
}

/**
 * Names everything projectReadable reads of `perms` for `entityType` (isFieldReadable's inputs:
 * whether the type is readable at all and which fields a role hides; the never-readable fields are
 * the same for everyone). Two permissions with the same key project every record of the type to
 * the same fields, so projected records may be shared between users on it.
 */
export function readableFieldsKey(perms: EffectivePermissions, entityType: string): string {
  if (scopeOf(perms, entityType).read.level === 'no') return 'none';
  const restricted = ownEntry(perms.fields, entityType) ?? {};
  const hidden = Object.keys(restricted)
    .filter((field) => restricted[field] !== undefined && restricted[field].read !== 'yes')
    .sort();
  return JSON.stringify(hidden);
}

/** The fields among `fieldNames` the portal user may not set (hidden, read-only or always read-only). */
export function checkWritableFields(
  perms: EffectivePermissions,
  entityType: string,
  fieldNames: Iterable<string>,
): string[] {
  return [...new Set(fieldNames)].filter((field) => !isFieldEditable(perms, entityType, field));
}

/** The fields among `fieldNames` the portal user may not give a value in a record they create. */
export function checkCreatableFields(
  perms: EffectivePermissions,
  entityType: string,
  fieldNames: Iterable<string>,
): string[] {
  return [...new Set(fieldNames)].filter((field) => !isFieldSettableOnCreate(perms, entityType, field));
}

/** The fields a role restricts, for explanations: hidden ones and visible but read-only ones. */
export function restrictedFields(
  perms: EffectivePermissions,
  entityType: string,
): { hidden: string[]; readOnly: string[] } {
  const restricted = ownEntry(perms.fields, entityType) ?? {};
  const names = Object.keys(restricted).sort();
  return {
    hidden: names.filter((field) => !isFieldReadable(perms, entityType, field)),
    readOnly: names.filter(
      (field) => isFieldReadable(perms, entityType, field) && !isFieldEditable(perms, entityType, field),
    ),
  };
}
