import { canRead } from '@portal/acl';
import type { RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../../auth/portal-access';
import { ProblemException } from '../../http/problem';

/**
 * The record if the portal user may read it; otherwise 404 `record_not_found`, the same answer for
 * a record that is missing, deleted, internal, of a hidden type or outside the read scope (never
 * 403: a portal user must not learn that a record exists).
 */
export function readableOr404(doc: RecordDoc | null, access: PortalAccess): RecordDoc {
  if (!doc || !canRead(access.ctx, access.perms, access.user, doc)) {
    throw ProblemException.of(404, 'record_not_found', 'Record not found.');
  }
  return doc;
}
