import type { AclUser } from './acl-user';
import type { AccessLevel } from './levels';
import { ALL, NONE, or, type RecordFilter } from './record-filter';
import { simplifyFilter } from './simplify-filter';

/**
 * The records a level reaches by ownership, each level including the narrower ones:
 * own = created by this portal user; contact = own or linked to the user's contact;
 * account = contact or linked to one of the user's accounts; all = everything exposed.
 * A user without a contact or accounts gets the narrower reach, never everything.
 */
export function ownershipReach(level: AccessLevel, user: AclUser): RecordFilter {
  const own: RecordFilter = { kind: 'eq', path: 'createdByPortalUserId', value: user.portalUserId };
  const viaContact: RecordFilter =
    user.contactId === null ? NONE : { kind: 'overlaps', path: 'contactIds', values: [user.contactId] };
  const viaAccount: RecordFilter =
    user.accountIds.length === 0
      ? NONE
      : { kind: 'overlaps', path: 'accountIds', values: [...user.accountIds] };
  switch (level) {
    case 'no':
      return NONE;
    case 'own':
      return own;
    case 'contact':
      return simplifyFilter(or(own, viaContact));
    case 'account':
      return simplifyFilter(or(own, viaContact, viaAccount));
    case 'all':
      return ALL;
  }
}
