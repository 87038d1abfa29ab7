import type { RecordFilter } from '@portal/acl';
import type { Principal } from '../../auth/principal';
import type { ListQueryOptions } from '../../http/list-query';

export const SHARE_LINK_LIST: ListQueryOptions = {
  sortable: { createdAt: 'createdAt', expiresAt: 'expiresAt' },
  filterable: { creatorId: 'creator.id', entityType: 'entityType', recordId: 'recordId' },
  defaultSort: [{ path: 'createdAt', direction: 'desc' }],
};

/** Admins see every link; anyone else (an agent, a portal user) only the links they made. */
export function visibleLinks(principal: Principal): RecordFilter[] {
  if (principal.kind === 'staff' && principal.role === 'admin') return [];
  const own: RecordFilter[] = [{ kind: 'eq', path: 'creator.id', value: principal.id }];
  if (principal.kind === 'portalUser')
    own.push({ kind: 'eq', path: 'creator.portalId', value: principal.portalId });
  return own;
}

export function ofRecord(entityType: string, recordId: string): RecordFilter[] {
  return [
    { kind: 'eq', path: 'entityType', value: entityType },
    { kind: 'eq', path: 'recordId', value: recordId },
  ];
}
