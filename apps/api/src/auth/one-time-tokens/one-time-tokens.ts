import { Inject, Injectable } from '@nestjs/common';
import {
  deriveKey,
  hashToken,
  oneTimeToken,
  type OneTimeTokenPurpose,
  type ServiceConfig,
} from '@portal/platform';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE, SERVICE_CONFIG } from '../../infrastructure/tokens';

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

/**
 * One-time tokens (invitation, password reset, email change). The token is never stored: it is
 * `oneTimeToken(deriveKey(JWT_SECRET, 'one-time-tokens'), purpose, tokenId)` (base64url HMAC),
 * which the mailer derives again for the link; events keep `hashToken(token)`. A presented token is
 * located by its hash in an index keyed by that hash: one read, whether the token is known or not
 * (a bogus token must not cost a search of the log). Whoever appends a token event fills the index
 * first (`remember`); OneTimeTokenBackfill indexes token events a new read store has not seen.
 */
@Injectable()
export class OneTimeTokens {
  private readonly key: Buffer;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(READ_STORE) private readonly store: ReadStore,
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
    const indexed = await this.store.get<OneTimeTokenEntry>(ONE_TIME_TOKENS_COLLECTION, hashToken(token));
    return indexed?.purpose === purpose ? indexed : null;
  }
}
