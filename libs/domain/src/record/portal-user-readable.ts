import { canRead, type AclRecord } from '@portal/acl';
import type { EntityTypeDefinition } from '../entity-type/entity-type.definition';
import type { PortalUserAccess } from './record.commands';
import type { RecordState } from './record.state';
import { assertDefinitionOf, assertPortalUserCanSee, recordNotFound } from './record-guards';
import { toAclRecord } from './to-acl-record';

/** The record as the ACL judges it, if the portal user may read it; 404 record_not_found otherwise. */
export function assertReadable(
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
  entityType: string,
): AclRecord {
  assertDefinitionOf(def, entityType);
  assertPortalUserCanSee(state, entityType);
  const record = toAclRecord(state, def);
  if (!canRead(access.ctx, access.perms, access.user, record)) throw recordNotFound();
  return record;
}
