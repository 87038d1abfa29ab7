import type { AclRecord } from '../acl-record';

/** A Case of account a-1 (case-1), visible and not deleted, for the acl's example specs. */
export function anAccountCase(overrides: Partial<AclRecord> = {}): AclRecord {
  return {
    id: 'case-1',
    entityType: 'Case',
    fields: {},
    createdByPortalUserId: null,
    contactIds: [],
    accountIds: ['a-1'],
    isInternal: false,
    deleted: false,
    ...overrides,
  };
}
