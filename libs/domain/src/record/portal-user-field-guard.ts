import { checkCreatableFields, checkWritableFields } from '@portal/acl';
import { linkFieldName, type EntityTypeDefinition } from '../entity-type/entity-type.definition';
import { DomainError } from '../shared/domain-error';
import type { PortalUserAccess } from './record.commands';
import { ownershipLinkFields } from './portal-user-links';

/** Staff vocabulary a portal user can never set, whatever the roles say. */
// Stryker disable next-line ArrayDeclaration,StringLiteral: defence in depth; the acl's always read-only list refuses the same names.
export const PORTAL_USER_NEVER_WRITES: readonly string[] = ['assignedUserId', 'teamIds', 'isInternal'];

/**
 * Fields of this type a portal user can never change after creation, besides the ACL's own list:
 * the type's account/contact links and portal links, whatever they are named (a custom type's
 * `companyId` moves a record between customers just as `accountId` does).
 */
export function exposureLinkFields(def: EntityTypeDefinition): Set<string> {
  const fields = ownershipLinkFields(def);
  for (const link of def.links) if (link.entityType === 'Portal') fields.add(linkFieldName(link));
  return fields;
}

/**
 * Refuses (403 `field_read_only`, naming every such field) when the user sends a field they may
 * not set: hidden or read-only by role, or never writable by portal users. `exempt` fields are
 * checked by the caller instead (a new record's own account/contact links). On `create` only the
 * field-level permissions count, not the record-level read level (see isFieldSettableOnCreate).
 */
export function assertWritableByPortalUser(
  access: PortalUserAccess,
  def: EntityTypeDefinition,
  sentFields: Record<string, unknown>,
  neverWritable: ReadonlySet<string>,
  exempt: ReadonlySet<string> = new Set(),
  action: 'create' | 'edit' = 'edit',
): void {
  const names = Object.keys(sentFields).filter((n) => sentFields[n] !== undefined && !exempt.has(n));
  // Stryker disable next-line ConditionalExpression: an edited record is readable, and with read both checks agree.
  const check = action === 'create' ? checkCreatableFields : checkWritableFields;
  const refused = new Set(check(access.perms, def.name, names));
  for (const name of names) {
    if (PORTAL_USER_NEVER_WRITES.includes(name) || neverWritable.has(name)) refused.add(name);
  }
  if (refused.size > 0) {
    const paths = names.filter((n) => refused.has(n));
    throw new DomainError(
      'field_read_only',
      `These fields cannot be set: ${paths.join(', ')}`,
      'forbidden',
      paths.map((path) => ({ path, message: 'cannot be set' })),
    );
  }
}
