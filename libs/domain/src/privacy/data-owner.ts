// Whose data key encrypts a personal value. A data subject is a contact, or a portal user without
// one; a portal user's own values (sign-ins, what they wrote) are under the portal user's key and
// the contact's record under the contact's, and erasing the subject erases both.

export type DataOwner = `portalUser:${string}` | `contact:${string}`;

export function portalUserOwner(portalUserId: string): DataOwner {
  return `portalUser:${portalUserId}`;
}

export function contactOwner(contactId: string): DataOwner {
  return `contact:${contactId}`;
}
