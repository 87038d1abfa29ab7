import type { IsoTime } from '../shared/clock';
import type { ShareLinkCreator } from './share-link.events';

export interface CreateShareLink {
  type: 'CreateShareLink';
  linkId: string;
  /** SHA-256 of the token the API drew; the token itself never reaches the domain. */
  tokenHash: string;
  entityType: string;
  recordId: string;
  createdBy: ShareLinkCreator;
  /** Absent: the default life (7 days, or the longest allowed if that is shorter). */
  expiresAt?: string;
  /** The longest life allowed to this creator, in days (the portal's setting, or the staff maximum). */
  maxDays: number;
  includeComments?: boolean;
  includeAttachments?: boolean;
  note?: string | null;
  now: IsoTime;
}

export interface RevokeShareLink {
  type: 'RevokeShareLink';
}

/** A view found the link: records its expiry once, or its first opening once. */
export interface NoticeShareLinkView {
  type: 'NoticeShareLinkView';
  now: IsoTime;
}
