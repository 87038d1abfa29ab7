import type { DomainEvent } from '../shared/decider';

/** Who made a link: staff, or a portal user in one portal (whose access the link borrows). */
export type ShareLinkCreator =
  { type: 'staff'; id: string } | { type: 'portalUser'; id: string; portalId: string };

/**
 * A link was made. Holds the SHA-256 of its token, never the token: the token is shown once to its
 * creator and exists nowhere else.
 */
export type ShareLinkCreated = DomainEvent<
  'ShareLinkCreated',
  {
    linkId: string;
    tokenHash: string;
    entityType: string;
    recordId: string;
    createdBy: ShareLinkCreator;
    expiresAt: string;
    includeComments: boolean;
    includeAttachments: boolean;
    note: string | null;
  }
>;
export type ShareLinkRevoked = DomainEvent<'ShareLinkRevoked', { linkId: string }>;
/** Appended the first time a view finds the link past its expiry (there is no batch job). */
export type ShareLinkExpired = DomainEvent<'ShareLinkExpired', { linkId: string; expiresAt: string }>;
/** The first successful view; later views are only counted (no event per view). */
export type ShareLinkFirstOpened = DomainEvent<'ShareLinkFirstOpened', { linkId: string; at: string }>;

export type ShareLinkEvent = ShareLinkCreated | ShareLinkRevoked | ShareLinkExpired | ShareLinkFirstOpened;

export const SHARE_LINK_EVENT_TYPES = [
  'ShareLinkCreated',
  'ShareLinkRevoked',
  'ShareLinkExpired',
  'ShareLinkFirstOpened',
] as const;
