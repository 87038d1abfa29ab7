// Document shapes of the read models: the contract between the projector (writer) and the API's
// queries (readers). Times are ISO-8601 UTC strings; every document carries its stream revision
// (the ETag of single-record GETs).
import type { AclRecord, AccessLevel, CreateLevel, YesNo } from '@portal/acl';

export interface ActorRef {
  type: 'staff' | 'portalUser' | 'system';
  id: string;
  name: string;
  portalId?: string;
}

/** Who created and last changed a document, and when (from event metadata). */
export interface Tracked {
  createdAt: string;
  createdBy: ActorRef;
  modifiedAt: string;
  modifiedBy: ActorRef;
  /** Revision of the aggregate's stream after the last event folded in. */
  revision: number;
}

export interface CriterionDoc {
  field: string;
  op: 'eq' | 'ne' | 'in' | 'notIn';
  value: unknown;
}

export interface PortalDoc extends Tracked {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
  isDefault: boolean;
  url: string;
  customUrl: string | null;
  roleIds: string[];
  tabList: string[];
  quickCreateList: string[];
  dashboardLayout: { dashlet: string; options?: Record<string, unknown> }[];
  defaultCaseAssigneeId: string | null;
  recordCriteria: Record<string, CriterionDoc[]>;
  settings: {
    language: string;
    timeZone: string;
    dateFormat: string;
    currency: string;
    tokenLifetimeMinutes: number;
    idleTimeoutMinutes: number;
    maxUsers: number | null;
    shareLinkMaxDays: number;
    /** Absent on documents projected before consent existed: none required. */
    consentVersion?: string | null;
    consentUrl?: string | null;
  };
  branding: Record<string, unknown>;
  /** Portal users holding a seat (members). */
  userCount: number;
}

export interface PortalRoleDoc extends Tracked {
  id: string;
  name: string;
  scopes: Record<
    string,
    {
      create?: CreateLevel;
      read?: AccessLevel;
      edit?: AccessLevel;
      delete?: AccessLevel;
      stream?: AccessLevel;
      share?: AccessLevel;
    }
  >;
  fields: Record<string, Record<string, { read?: YesNo; edit?: YesNo }>>;
  deleted: boolean;
}

export type PortalUserStatus = 'active' | 'invited' | 'suspended' | 'deactivated';

export interface InvitationDoc {
  invitationId: string;
  portalId: string;
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  /** From the mailer's EmailDelivered / EmailDeliveryFailed events. */
  delivery: 'pending' | 'delivered' | 'failed';
  deliveryFailureReason: string | null;
  /** The invitation's own state (an expired one is still listed until replaced). */
  status?: 'pending' | 'accepted' | 'expired';
}

export interface PortalUserDoc extends Tracked {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  contactId: string | null;
  accountIds: string[];
  portalIds: string[];
  roleIds: string[];
  status: PortalUserStatus;
  /** Staff turned access off (status says 'deactivated' then, whatever else holds). */
  deactivated?: boolean;
  hasPassword: boolean;
  pendingEmail: string | null;
  supportPeriod: { start: string; end: string } | null;
  invitations: InvitationDoc[];
  lastLoginAt: string | null;
  dashboardLayout: { dashlet: string; options?: Record<string, unknown> }[] | null;
  preferences: Record<string, unknown>;
  profile: Record<string, unknown>;
}

export interface StaffUserDoc extends Tracked {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent' | 'auditor';
  isActive: boolean;
}

export interface EntityTypeDoc extends Tracked {
  /** The entity type's name (e.g. `Case`). */
  id: string;
  name: string;
  builtIn: boolean;
  fields: { name: string; type: string; required?: boolean; options?: string[] }[];
  links: { name: string; entityType: string; many?: boolean }[];
  accountLink: string | null;
  contactLink: string | null;
  /** Every account/contact link the ACL follows (Contact has both `account` and `accounts`). */
  accountLinks?: string[];
  contactLinks?: string[];
}

/** A record of any entity type: the ACL's AclRecord plus who/when. Queries filter it with ScopeFilter. */
export interface RecordDoc extends AclRecord, Tracked {
  /** The portal a portal user created it in, if any. */
  createdInPortalId: string | null;
  deletedAt: string | null;
}

export interface CommentDoc {
  id: string;
  recordId: string;
  entityType: string;
  text: string;
  isInternal: boolean;
  createdAt: string;
  createdBy: ActorRef;
  /** Copied from the record so comment lists can be scoped like the record itself. */
  accountIds: string[];
  contactIds: string[];
}

/** A file attached to a record (bytes in the blob store under `sha256`); removed files are deleted. */
export interface AttachmentDoc {
  id: string;
  recordId: string;
  entityType: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  isInternal: boolean;
  /** The comment it was posted with, and whether that comment is internal (then so is the file). */
  commentId: string | null;
  commentIsInternal: boolean;
  /** The portal user who uploaded it, if one did. */
  portalUserId: string | null;
  createdAt: string;
  createdBy: ActorRef;
}

export interface LoginHistoryDoc {
  /** The event id. */
  id: string;
  portalUserId: string;
  portalId: string;
  kind: 'login' | 'login_failed' | 'logout';
  at: string;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
}

/** One consent given or withdrawn by a portal user in a portal (ids, the version and when only). */
export interface ConsentDoc {
  /** The event id. */
  id: string;
  portalUserId: string;
  portalId: string;
  version: string;
  action: 'given' | 'withdrawn';
  at: string;
}

/**
 * A record stream holding personal values of a data owner (`portalUser:<id>`, `contact:<id>`): what
 * they wrote in it, their name as the actor, or the contact's own fields. Ids and a time only.
 */
export interface PersonalDataStreamDoc {
  /** `<owner> <stream>`. */
  id: string;
  owner: string;
  stream: string;
  entityType: string;
  recordId: string;
  /** When the first of the owner's values was written to it. */
  since: string;
}

export interface EmailDeliveryDoc {
  /** The delivery stream's job id. */
  id: string;
  kind: string;
  to: string;
  status: 'delivered' | 'failed';
  reason: string | null;
  portalId: string | null;
  portalUserId: string | null;
  sourceEventId: string;
  at: string;
}

/**
 * A share link as its creator and staff list it. `tokenHash` is the SHA-256 of the token (the token
 * itself exists nowhere): the view looks the link up by it. Who made it is `createdBy` (name and,
 * for a portal user, the portal); `creator` is the same from the event's data.
 */
export interface ShareLinkDoc extends Tracked {
  id: string;
  tokenHash: string;
  entityType: string;
  recordId: string;
  creator: { type: 'staff' | 'portalUser'; id: string; portalId?: string };
  expiresAt: string;
  includeComments: boolean;
  includeAttachments: boolean;
  note: string | null;
  revoked: boolean;
  /** ShareLinkExpired was recorded (a view found it expired). */
  expiryNoticed: boolean;
  firstOpenedAt: string | null;
}

/** Operational: how often a link was viewed (not rebuilt from events: views are not events). */
export interface ShareLinkViewsDoc {
  /** The link's id. */
  id: string;
  views: number;
  firstViewAt: string | null;
  lastViewAt: string | null;
}

/**
 * The explicit follow choices on one record (`recordFollowers-<Type>-<id>`): true follows, false
 * unfollowed. Who follows by default (the creator, the case's contact) is judged from the record.
 */
export interface RecordFollowersDoc {
  /** The record's id. */
  id: string;
  entityType: string;
  choices: Record<string, boolean>;
}
