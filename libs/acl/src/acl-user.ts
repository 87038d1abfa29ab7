/** The portal user as the ACL sees them: who they are and which contact and accounts they belong to. */
export interface AclUser {
  portalUserId: string;
  /** The portal of the current session. */
  portalId: string;
  contactId: string | null;
  accountIds: string[];
}
