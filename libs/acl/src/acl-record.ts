/**
 * A record as stored in the read model and judged by the ACL. The projector normalises links:
 * `contactIds`/`accountIds` come from the entity type's contact/account links, a Contact's own id is
 * in its `contactIds` and an Account's own id in its `accountIds`.
 */
export interface AclRecord {
  id: string;
  entityType: string;
  fields: Record<string, unknown>;
  createdByPortalUserId: string | null;
  contactIds: string[];
  accountIds: string[];
  isInternal: boolean;
  deleted: boolean;
  /** The portals a record is published to (knowledge base articles). */
  portalIds?: string[];
}
