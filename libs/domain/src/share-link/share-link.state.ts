import type { ShareLinkCreator } from './share-link.events';

export interface ShareLinkState {
  exists: boolean;
  id: string | null;
  tokenHash: string | null;
  entityType: string | null;
  recordId: string | null;
  createdBy: ShareLinkCreator | null;
  expiresAt: string | null;
  includeComments: boolean;
  includeAttachments: boolean;
  note: string | null;
  revoked: boolean;
  /** ShareLinkExpired was recorded (the link was expired before that too: see isShareLinkLive). */
  expiryNoticed: boolean;
  firstOpenedAt: string | null;
}

export const initialShareLinkState: ShareLinkState = {
  exists: false,
  id: null,
  tokenHash: null,
  entityType: null,
  recordId: null,
  createdBy: null,
  expiresAt: null,
  includeComments: false,
  includeAttachments: false,
  note: null,
  revoked: false,
  expiryNoticed: false,
  firstOpenedAt: null,
};
