import type { AclRecord } from '@portal/acl';
import {
  accountLinksOf,
  contactLinksOf,
  linkFieldName,
  type EntityTypeDefinition,
  type LinkDefinition,
} from '../entity-type/entity-type.definition';
import { recordExists, type RecordState } from './record.state';

function idsIn(fields: Record<string, unknown>, links: readonly LinkDefinition[]): string[] {
  const ids: string[] = [];
  for (const link of links) {
    const value = fields[linkFieldName(link)];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (typeof v === 'string' && !ids.includes(v)) ids.push(v);
  }
  return ids;
}

/**
 * The record as the ACL judges it and as the read model stores it. The one place links are
 * normalised (account/contact links of the entity type → `accountIds`/`contactIds`; an Account is
 * in its own `accountIds`, a Contact in its own `contactIds`), so the deciders' single-record
 * checks and the projector's list filters cannot disagree.
 */
export function toAclRecord(state: RecordState, def: EntityTypeDefinition): AclRecord {
  if (!recordExists(state)) throw new Error('toAclRecord needs a created record');
  const { id, entityType, fields } = state;
  const accountIds = idsIn(fields, accountLinksOf(def));
  const contactIds = idsIn(fields, contactLinksOf(def));
  if (entityType === 'Account' && !accountIds.includes(id)) accountIds.unshift(id);
  if (entityType === 'Contact' && !contactIds.includes(id)) contactIds.unshift(id);
  const portalLinks = def.links.filter((l) => l.entityType === 'Portal');
  return {
    id,
    entityType,
    fields: { ...fields },
    createdByPortalUserId: state.createdByPortalUserId,
    contactIds,
    accountIds,
    isInternal: fields.isInternal === true,
    deleted: state.deleted,
    ...(portalLinks.length > 0 ? { portalIds: idsIn(fields, portalLinks) } : {}),
  };
}
