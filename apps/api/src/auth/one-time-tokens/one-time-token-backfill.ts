import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import type { OneTimeTokenPurpose } from '@portal/platform';
import type { ReadStore } from '@portal/read-store';
import { EVENT_STORE, READ_STORE } from '../../infrastructure/tokens';
import { ONE_TIME_TOKENS_COLLECTION, type OneTimeTokenEntry } from './one-time-tokens';

/** The events that carry a token hash, and the purpose of their token. */
const TOKEN_EVENTS: Record<string, OneTimeTokenPurpose> = {
  InvitationSent: 'invitation',
  PasswordResetRequested: 'password-reset',
  EmailChangeRequested: 'email-change',
};

const USER_STREAM_PREFIX = 'portalUser-';

/** The read store's checkpoint of the backfill: the position up to which token events are indexed. */
export const TOKEN_BACKFILL_CHECKPOINT = 'one_time_tokens_backfill';

const PAGE = 500;

/** The index entry a token event stands for; null for an event without a token hash. */
export function tokenEntryOf(event: RecordedEvent): OneTimeTokenEntry | null {
  const purpose = TOKEN_EVENTS[event.type];
  const data = event.data as Record<string, string | undefined>;
  if (!purpose || !event.stream.startsWith(USER_STREAM_PREFIX) || !data.tokenHash) return null;
  return {
    id: data.tokenHash,
    purpose,
    // An email change's token derives from its event's id (the event has no id field of its own).
    tokenId: data.invitationId ?? data.resetId ?? event.id,
    portalUserId: event.stream.slice(USER_STREAM_PREFIX.length),
    portalId: data.portalId ?? null,
  };
}

/**
 * Indexes the token events the one-time-token index does not know yet, once, at start-up: the tokens
 * of a log kept when the read store was replaced (the issuers index every new token before appending
 * it). It reads only the token event types, after its checkpoint and up to the head it found, so a
 * restart reads just what was appended since; an entry already indexed is left as its issuer wrote it.
 */
@Injectable()
export class OneTimeTokenBackfill {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async run(): Promise<void> {
    const head = await this.events.headPosition();
    if (head < 0) return;
    for (;;) {
      const checkpoint = await this.store.getCheckpoint(TOKEN_BACKFILL_CHECKPOINT);
      if (checkpoint !== undefined && checkpoint >= head) return;
      // Read outside the transaction: the embedded stores share one PGlite connection.
      const page = await this.events.readAll({
        after: checkpoint,
        limit: PAGE,
        // Types only: the server filters on one of types or streams, and user streams hold every login.
        filter: { eventTypes: Object.keys(TOKEN_EVENTS) },
      });
      const last = page.at(-1)?.position;
      // A short page ends the run at the head found at the start.
      const reached = page.length < PAGE ? Math.max(head, last ?? head) : (last ?? head);
      await this.store.transact(TOKEN_BACKFILL_CHECKPOINT, async (tx, current) => {
        // Another process moved the checkpoint meanwhile: leave it, and read again from there.
        if (current !== checkpoint) return current;
        for (const event of page) {
          const entry = tokenEntryOf(event);
          if (entry && (await tx.get(ONE_TIME_TOKENS_COLLECTION, entry.id)) === null) {
            await tx.put(ONE_TIME_TOKENS_COLLECTION, entry);
          }
        }
        return reached;
      });
    }
  }
}
