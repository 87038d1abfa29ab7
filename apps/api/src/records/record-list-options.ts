import { linkFieldName, type EntityTypeDefinition } from '@portal/domain';
import type { ListQueryOptions } from '../http/list-query';

const SCALAR_TYPES = new Set([
  'string',
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'enum',
  'email',
  'phone',
  'url',
]);

/** Service keys every record document has, by query name → document path. */
const TRACKING: Record<string, string> = {
  createdAt: 'createdAt',
  modifiedAt: 'modifiedAt',
};

const ACTORS: Record<string, string> = {
  'createdBy.type': 'createdBy.type',
  'createdBy.id': 'createdBy.id',
  'modifiedBy.type': 'modifiedBy.type',
  'modifiedBy.id': 'modifiedBy.id',
  createdInPortalId: 'createdInPortalId',
};

/**
 * What a record list may be sorted and filtered by: the type's scalar fields and single links that
 * `visible` admits, plus creation/change times. Portal users pass their readable-field predicate,
 * so no filter or sort can probe a field they may not read; `withActors` (staff) adds the
 * created/modified-by keys (`filter[createdBy.type]=portalUser`).
 */
export function recordListOptions(
  def: EntityTypeDefinition,
  visible: (field: string) => boolean,
  withActors: boolean,
): ListQueryOptions {
  const fields: Record<string, string> = {};
  for (const field of def.fields) {
    if (SCALAR_TYPES.has(field.type) && visible(field.name)) fields[field.name] = `fields.${field.name}`;
  }
  const links: Record<string, string> = {};
  for (const link of def.links) {
    const name = linkFieldName(link);
    if (!link.many && visible(name)) links[name] = `fields.${name}`;
  }
  return {
    sortable: { ...fields, ...TRACKING },
    filterable: { ...fields, ...links, ...(withActors ? ACTORS : {}) },
    defaultSort: [{ path: 'createdAt', direction: 'desc' }],
  };
}
