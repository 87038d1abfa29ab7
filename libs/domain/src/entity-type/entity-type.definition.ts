/** What a field of a record holds. Links are not fields here: see LinkDefinition. */
export const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'enum',
  'multiEnum',
  'email',
  'phone',
  'url',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  name: string;
  type: FieldType;
  required?: boolean;
  /** The allowed values of an `enum` or `multiEnum` field. */
  options?: string[];
  /** Set on create when the field is not sent (built-in types only use it). */
  default?: string | number | boolean;
}

/**
 * Targets a link may point at besides entity types: staff users (assignees), teams and portals
 * live outside the record store but are still referenced by id.
 */
export const NON_RECORD_LINK_TARGETS = ['StaffUser', 'Team', 'Portal'] as const;

export interface LinkDefinition {
  name: string;
  /** An entity type name, or one of NON_RECORD_LINK_TARGETS. */
  entityType: string;
  many?: boolean;
}

export interface EntityTypeDefinition {
  name: string;
  builtIn: boolean;
  fields: FieldDefinition[];
  links: LinkDefinition[];
  /**
   * The links that tie a record to accounts and contacts for the `account`/`contact` access levels,
   * resolved once: the admin's `accountLink`/`contactLink` when named, otherwise every link named
   * `account`/`accounts` (resp. `contact`/`contacts`). A list because Contact has both `account` and `accounts`.
   */
  accountLinks: string[];
  contactLinks: string[];
}

/**
 * The record field a link is stored in, as the API contract names it: a one-link `account` is
 * `accountId`, a many-link `accounts` is `accountIds` (`categories` → `categoryIds`, `staff` → `staffIds`).
 */
export function linkFieldName(link: Pick<LinkDefinition, 'name' | 'many'>): string {
  if (!link.many) return `${link.name}Id`;
  const { name } = link;
  if (name.endsWith('ies') && name.length > 3) return `${name.slice(0, -3)}yIds`;
  if (name.endsWith('s') && !name.endsWith('ss')) return `${name.slice(0, -1)}Ids`;
  return `${name}Ids`;
}

export function findField(def: EntityTypeDefinition, name: string): FieldDefinition | undefined {
  return def.fields.find((f) => f.name === name);
}

export function findLinkByField(def: EntityTypeDefinition, fieldName: string): LinkDefinition | undefined {
  return def.links.find((l) => linkFieldName(l) === fieldName);
}

function linksNamed(def: EntityTypeDefinition, names: readonly string[]): LinkDefinition[] {
  return def.links.filter((l) => names.includes(l.name));
}

export function accountLinksOf(def: EntityTypeDefinition): LinkDefinition[] {
  return linksNamed(def, def.accountLinks);
}

export function contactLinksOf(def: EntityTypeDefinition): LinkDefinition[] {
  return linksNamed(def, def.contactLinks);
}

/** Default account links: the ones named `account`/`accounts` that point at Account. */
export function defaultAccountLinks(links: readonly LinkDefinition[]): string[] {
  return links
    .filter((l) => (l.name === 'account' || l.name === 'accounts') && l.entityType === 'Account')
    .map((l) => l.name);
}

/** Default contact links: the ones named `contact`/`contacts` that point at Contact. */
export function defaultContactLinks(links: readonly LinkDefinition[]): string[] {
  return links
    .filter((l) => (l.name === 'contact' || l.name === 'contacts') && l.entityType === 'Contact')
    .map((l) => l.name);
}
