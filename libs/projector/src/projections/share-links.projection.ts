import type { RecordedEvent } from '@portal/event-store';
import {
  evolveShareLink,
  initialShareLinkState,
  type ShareLinkEvent,
  type ShareLinkState,
} from '@portal/domain';
import { READ_MODELS, type ShareLinkDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, type StoredAggregate } from './aggregate-states';
import type { Projection } from './projection';
import { trackedOf } from './tracking';

const STREAM = /^shareLink-(.+)$/;
/** The first opening and a noticed expiry are what happened to the link, not edits of it. */
const NOT_EDITS = new Set(['ShareLinkFirstOpened', 'ShareLinkExpired']);

export function toShareLinkDoc(aggregate: StoredAggregate<ShareLinkState>): ShareLinkDoc | null {
  const s = aggregate.state;
  if (!s.exists || s.id === null || s.createdBy === null) return null;
  return {
    id: s.id,
    tokenHash: s.tokenHash ?? '',
    entityType: s.entityType ?? '',
    recordId: s.recordId ?? '',
    creator: { ...s.createdBy },
    expiresAt: s.expiresAt ?? '',
    includeComments: s.includeComments,
    includeAttachments: s.includeAttachments,
    note: s.note,
    revoked: s.revoked,
    expiryNoticed: s.expiryNoticed,
    firstOpenedAt: s.firstOpenedAt,
    ...trackedOf(aggregate),
  };
}

/** share_links: one document per link, found by its token's hash, listed per record and per creator. */
export const shareLinksProjection: Projection = {
  name: 'share_links',
  collections: [
    {
      name: READ_MODELS.shareLinks,
      indexes: [
        { name: 'token_hash', paths: ['tokenHash'] },
        { name: 'record', paths: ['recordId', 'createdAt'] },
        { name: 'creator', paths: ['creator.id', 'createdAt'] },
      ],
    },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (!STREAM.test(event.stream)) return;
    const aggregate = await foldEvent(
      docs,
      event,
      (state: ShareLinkState, e) => evolveShareLink(state, e as ShareLinkEvent),
      initialShareLinkState,
      { modifies: !NOT_EDITS.has(event.type), initialExtra: {} },
    );
    const doc = aggregate && toShareLinkDoc(aggregate);
    if (doc) docs.put(READ_MODELS.shareLinks, doc);
  },
};
