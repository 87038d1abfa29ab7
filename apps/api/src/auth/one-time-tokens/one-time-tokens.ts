import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@portal/event-store';
import {
  deriveKey,
  hashToken,
  oneTimeToken,
  type OneTimeTokenPurpose,
  type ServiceConfig,
} from '@portal/platform';
import type { ReadStore } from '@portal/read-store';
import { EVENT_STORE, READ_STORE, SERVICE_CONFIG } from '../../infrastructure/tokens';

/** Operational collection: token hash → whose token it is. Never holds a token, only its SHA-256. */
export const ONE_TIME_TOKENS_COLLECTION = 'one_time_tokens';

export interface OneTimeTokenEntry {
  [key: string]: unknown;
  /** hashToken(token): what the event carries as `tokenHash`. */
  id: string;
  purpose: OneTimeTokenPurpose;
  /** The id the token is derived from: invitationId, resetId, or the EmailChangeRequested event's id. */
  tokenId: string;
  portalUserId: string;
  portalId: string | null;
}

/** The events that carry a token hash, by purpose (for finding a token the index misses). */
const SOURCE_EVENTS: Record<OneTimeTokenPurpose, string> = {
  invitation: 'InvitationSent',
  'password-reset': 'PasswordResetRequested',
  'email-change': 'EmailChangeRequested',
};

const SCAN_PAGE = 500;

/**
 * One-time tokens (invitation, password reset, email change). The token is never stored: it is
 * `oneTimeToken(deriveKey(JWT_SECRET, 'one-time-tokens'), purpose, tokenId)` (base64url HMAC),
 * which the mailer derives again for the link; events keep `hashToken(token)`. A presented token
 * is located through its hash: first in the operational index that whoever appends a token event
 * fills (`remember`), else by scanning the token events of that purpose (then indexed).
 */
@Injectable()
export class OneTimeTokens {
  private readonly key: Buffer;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {
    this.key = deriveKey(config.jwtSecret, 'one-time-tokens');
  }

  async ensureCollection(): Promise<void> {
    await this.store.ensureCollection(ONE_TIME_TOKENS_COLLECTION);
  }

  /** The hash to put in the event for a token derived from `tokenId`. */
  tokenHashFor(purpose: OneTimeTokenPurpose, tokenId: string): string {
    return hashToken(oneTimeToken(this.key, purpose, tokenId));
  }

  /** Indexes a token about to be appended (call before the append, so the link always resolves). */
  async remember(entry: OneTimeTokenEntry): Promise<void> {
    await this.store.write((tx) => tx.put(ONE_TIME_TOKENS_COLLECTION, entry));
  }

  /** Whose token this is, or null. The caller's decider still checks it is current and unexpired. */
  async find(purpose: OneTimeTokenPurpose, token: string): Promise<OneTimeTokenEntry | null> {
    const tokenHash = hashToken(token);
    const indexed = await this.store.get<OneTimeTokenEntry>(ONE_TIME_TOKENS_COLLECTION, tokenHash);
    if (indexed !== null) return indexed.purpose === purpose ? indexed : null;
    const found = await this.scan(purpose, tokenHash);
    if (found !== null) await this.remember(found);
    return found;
  }

  private async scan(purpose: OneTimeTokenPurpose, tokenHash: string): Promise<OneTimeTokenEntry | null> {
    let after: number | undefined;
    for (;;) {
      const page = await this.events.readAll({
        after,
        limit: SCAN_PAGE,
        filter: { eventTypes: [SOURCE_EVENTS[purpose]], streamPrefixes: ['portalUser-'] },
      });
      for (const event of page) {
        if (event.data.tokenHash !== tokenHash) continue;
        const data = event.data as Record<string, string | undefined>;
        return {
          id: tokenHash,
          purpose,
          tokenId: data.invitationId ?? data.resetId ?? data.changeId ?? event.id,
          portalUserId: event.stream.slice('portalUser-'.length),
          portalId: data.portalId ?? null,
        };
      }
      if (page.length < SCAN_PAGE) return null;
      after = page[page.length - 1].position;
    }
  }
}
