import type { AclUser } from '@portal/acl';
import {
  accountLinksOf,
  contactLinksOf,
  linkFieldName,
  type EntityTypeDefinition,
  type LinkDefinition,
} from '../entity-type/entity-type.definition';
import type { RecordFieldError } from '../entity-type/validate-record-fields';
import type { RecordFields } from './record.events';

/** The field names of the links that decide which accounts and contacts see a record. */
export function ownershipLinkFields(def: EntityTypeDefinition): Set<string> {
  return new Set([...accountLinksOf(def), ...contactLinksOf(def)].map(linkFieldName));
}

function idsOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function checkLinks(
  fields: RecordFields,
  links: readonly LinkDefinition[],
  allowed: readonly string[],
  what: string,
): RecordFieldError[] {
  const errors: RecordFieldError[] = [];
  for (const link of links) {
    const name = linkFieldName(link);
    if (idsOf(fields[name]).some((id) => typeof id !== 'string' || !allowed.includes(id))) {
      errors.push({ path: name, message: `may only name ${what}` });
    }
  }
  return errors;
}

/**
 * On a portal user's new record, account and contact links may only name the user's own accounts
 * and contact: otherwise a customer could file records into another customer's view.
 */
export function foreignOwnershipLinks(
  def: EntityTypeDefinition,
  fields: RecordFields,
  user: AclUser,
): RecordFieldError[] {
  return [
    ...checkLinks(fields, accountLinksOf(def), user.accountIds, 'your own accounts'),
    ...checkLinks(
      fields,
      contactLinksOf(def),
      user.contactId === null ? [] : [user.contactId],
      'your own contact',
    ),
  ];
}

/**
 * Links a portal user's new record to them where it was not linked: the user's contact, and the
 * account they named or else their first (primary) account, so the record is in their
 * `contact`/`account` reach from the start.
 */
export function linkToPortalUser(
  def: EntityTypeDefinition,
  fields: RecordFields,
  user: AclUser,
): RecordFields {
  const out = { ...fields };
  const fill = (links: LinkDefinition[], id: string | null) => {
    if (id === null) return;
    for (const link of links) {
      const name = linkFieldName(link);
      if (idsOf(out[name]).length > 0) continue;
      out[name] = link.many ? [id] : id;
    }
  };
  const namedAccount = accountLinksOf(def)
    .flatMap((l) => idsOf(out[linkFieldName(l)]))
    .find((id): id is string => typeof id === 'string');
  fill(accountLinksOf(def), namedAccount ?? user.accountIds[0] ?? null);
  fill(contactLinksOf(def), user.contactId);
  return out;
}
