import {
  BACKWARDS,
  END,
  FORWARDS,
  StreamNotFoundError,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { EventIdConflict } from '../event-id-conflict.error';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { isUncertainAppendError, mayHaveBeenStored, toAppendError } from './esdb-append-error';
import type { EsdbClient } from './esdb-client';
import { toEsdbEventData } from './esdb-event-data';
import { toEsdbExpectedRevision } from './esdb-expected-revision';
import { isUsablePosition, toPositionNumber } from './esdb-position';
import { positionOf } from './esdb-recorded-event';
import { readFully } from './esdb-streaming-read';

export interface EsdbAppenderSettings {
  /** Retries of an append whose outcome a timeout, a cancellation or a dropped connection left unknown. */
  retries: number;
  /** Wait before retry n is n times this. */
  retryDelayMs: number;
  /** Events per request when reading a stream back. */
  pageSize: number;
  /** Rounds of read-back and append an 'any' append makes while other writers keep moving the stream. */
  maxConflicts: number;
}

/** Where a stream stands, and where (if anywhere) the first event of the batch already is. */
interface ReadBack {
  last: number | 'no-stream';
  storedAt: number | undefined;
}

/**
 * Appends that a retry with the same event ids never stores twice, for every expected revision.
 *
 * EventStoreDB checks a retry against the stored events only when the append names where the stream
 * must be (a revision, or no stream): then it compares the ids at that place and answers a stored
 * append with its original result. With 'any' and 'stream-exists' it relies on a cache of recent ids,
 * which a server restart or an eviction empties. So those two modes read the stream back first: ids
 * already there are the original append (its result is returned, nothing is written); otherwise the
 * events go in at the revision just read, which makes the server's own check exact for every retry.
 */
export class EsdbAppender {
  constructor(
    private readonly client: EsdbClient,
    private readonly settings: EsdbAppenderSettings,
  ) {}

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (expected !== 'any' && expected !== 'stream-exists') {
      return this.appendAt(stream, events, toEsdbExpectedRevision(expected), expected);
    }
    for (let round = 1; ; round += 1) {
      const { last, storedAt } = await this.readBack(stream, events[0].id);
      if (storedAt !== undefined) return this.storedResult(stream, events, storedAt);
      if (expected === 'stream-exists' && last === 'no-stream') {
        throw new WrongExpectedRevision(stream, expected, last);
      }
      try {
        return await this.appendAt(stream, events, toEsdbExpectedRevision(last), expected);
      } catch (error) {
        // Another writer appended between the read and the append: read again (our events are not stored,
        // or the server would have answered with their original result).
        if (error instanceof WrongExpectedRevision && round < this.settings.maxConflicts) continue;
        throw error;
      }
    }
  }

  /** One append at a fixed expectation, retried (same ids, same expectation) while the outcome is unknown. */
  private async appendAt(
    stream: string,
    events: NewEvent[],
    expectedRevision: AppendExpectedRevision,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const data = events.map(toEsdbEventData);
    let outcomeUnknown = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await this.client.appendToStream(stream, data, { expectedRevision });
        // A retry of stored ids succeeds with the original revision, but the server may leave out the
        // position (or send -1): the last event of the original append tells it.
        const position = isUsablePosition(result.position)
          ? toPositionNumber(result.position.commit)
          : await this.positionAtRevision(stream, Number(result.nextExpectedRevision));
        return { nextExpectedRevision: Number(result.nextExpectedRevision), position };
      } catch (error) {
        outcomeUnknown ||= mayHaveBeenStored(error);
        if (attempt <= this.settings.retries && isUncertainAppendError(error)) {
          await new Promise((resolve) => setTimeout(resolve, this.settings.retryDelayMs * attempt));
          continue;
        }
        throw toAppendError(error, stream, expected, outcomeUnknown);
      }
    }
  }

  /** The stream's last revision, and the revision of `eventId` if the stream holds it (newest first). */
  private async readBack(stream: string, eventId: string): Promise<ReadBack> {
    let last: number | 'no-stream' = 'no-stream';
    let from: bigint | typeof END = END;
    for (;;) {
      let page: ResolvedEvent[];
      try {
        page = await readFully(
          this.client.readStream(stream, {
            direction: BACKWARDS,
            fromRevision: from,
            maxCount: this.settings.pageSize,
          }),
        );
      } catch (error) {
        if (error instanceof StreamNotFoundError) return { last, storedAt: undefined };
        throw error;
      }
      for (const resolved of page) {
        const event = resolved.event;
        if (!event) continue;
        const revision = Number(event.revision);
        if (last === 'no-stream') last = revision;
        if (event.id === eventId) return { last, storedAt: revision };
      }
      const oldest = page.at(-1)?.event;
      if (page.length < this.settings.pageSize || !oldest || oldest.revision === 0n) {
        return { last, storedAt: undefined };
      }
      from = oldest.revision - 1n;
    }
  }

  /** The original result of a batch whose first event is stored at `revision`; refuses a partial match. */
  private async storedResult(stream: string, events: NewEvent[], revision: number): Promise<AppendResult> {
    const stored = await readFully(
      this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: BigInt(revision),
        maxCount: events.length,
      }),
    );
    const matches =
      stored.length === events.length && stored.every((resolved, i) => resolved.event?.id === events[i].id);
    if (!matches) {
      throw new EventIdConflict(
        stream,
        `event ${events[0].id} is stored, but not with the rest of this batch`,
      );
    }
    const lastStored = stored[stored.length - 1];
    return { nextExpectedRevision: revision + events.length - 1, position: positionOf(lastStored) };
  }

  private async positionAtRevision(stream: string, revision: number): Promise<number> {
    const [stored] = await readFully(
      this.client.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1 }),
    );
    if (!stored) throw new Error(`Stream ${stream} has no event at revision ${revision} after appending`);
    return positionOf(stored);
  }
}
