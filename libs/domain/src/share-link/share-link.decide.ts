import type { IsoTime } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import type { CreateShareLink, NoticeShareLinkView, RevokeShareLink } from './share-link.commands';
import type {
  ShareLinkCreated,
  ShareLinkExpired,
  ShareLinkFirstOpened,
  ShareLinkRevoked,
} from './share-link.events';
import { shareLinkExpiry } from './share-link.expiry';
import type { ShareLinkState } from './share-link.state';

const NOTE_MAX = 500;
const TOKEN_HASH = /^[0-9a-f]{64}$/;

function validNote(note: string | null | undefined): string | null {
  const trimmed = (note ?? '').trim();
  if (trimmed.length > NOTE_MAX) {
    throw new DomainError('invalid_share_link_note', 'The note is too long.', 'invalid', [
      { path: 'note', message: `must be at most ${NOTE_MAX} characters` },
    ]);
  }
  return trimmed === '' ? null : trimmed;
}

/**
 * A new link on a new stream. Whether the creator may share the record is the caller's check (it
 * needs the read models); here the expiry, the note and the token hash's form.
 */
export function decideCreateShareLink(command: CreateShareLink, state: ShareLinkState): ShareLinkCreated[] {
  if (state.exists) throw new DomainError('share_link_exists', 'This share link exists already.', 'conflict');
  // A programming error, not user input: the API hashes what it drew.
  if (!TOKEN_HASH.test(command.tokenHash)) throw new Error('A share link keeps a SHA-256 hex token hash');
  return [
    {
      type: 'ShareLinkCreated',
      data: {
        linkId: command.linkId,
        tokenHash: command.tokenHash,
        entityType: command.entityType,
        recordId: command.recordId,
        createdBy: command.createdBy,
        expiresAt: shareLinkExpiry(command.now, command.expiresAt, command.maxDays),
        includeComments: command.includeComments ?? false,
        includeAttachments: command.includeAttachments ?? false,
        note: validNote(command.note),
      },
    },
  ];
}

/** Revoking twice is a no-op; an unknown link is 404. */
export function decideRevokeShareLink(_command: RevokeShareLink, state: ShareLinkState): ShareLinkRevoked[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the state has an id and an expiry exactly when it exists (ShareLinkCreated sets all three): redundant, kept to narrow types
  if (!state.exists || state.id === null)
    throw new DomainError('share_link_not_found', 'Share link not found.', 'not-found');
  return state.revoked ? [] : [{ type: 'ShareLinkRevoked', data: { linkId: state.id } }];
}

/** Alive: made, not revoked, not yet expired. Nothing else about the link can end it. */
export function isShareLinkLive(state: ShareLinkState, now: IsoTime): boolean {
  return (
    state.exists &&
    !state.revoked &&
    // Stryker disable next-line ConditionalExpression: the state has an id and an expiry exactly when it exists (ShareLinkCreated sets all three): redundant, kept to narrow types
    state.expiresAt !== null &&
    Date.parse(now) < Date.parse(state.expiresAt)
  );
}

/**
 * What a view of the link leaves in its history: the expiry, the first time a view finds the link
 * expired (there is no batch job), and the first opening of a live link; nothing after that.
 */
export function decideNoticeShareLinkView(
  command: NoticeShareLinkView,
  state: ShareLinkState,
): (ShareLinkExpired | ShareLinkFirstOpened)[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the state has an id and an expiry exactly when it exists (ShareLinkCreated sets all three): redundant, kept to narrow types
  if (!state.exists || state.id === null || state.revoked || state.expiresAt === null) return [];
  if (!isShareLinkLive(state, command.now)) {
    return state.expiryNoticed
      ? []
      : [{ type: 'ShareLinkExpired', data: { linkId: state.id, expiresAt: state.expiresAt } }];
  }
  return state.firstOpenedAt === null
    ? [{ type: 'ShareLinkFirstOpened', data: { linkId: state.id, at: command.now } }]
    : [];
}
