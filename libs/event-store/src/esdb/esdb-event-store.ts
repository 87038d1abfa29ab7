import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventFilter,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { UpcasterRegistry } from '../upcasters';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { isUncertainAppendError, toAppendError } from './esdb-append-error';
import { toEsdbEventData } from './esdb-event-data';
import { isWantedEvent } from './esdb-event-filter';
import { toEsdbExpectedRevision } from './esdb-expected-revision';
import { isUsablePosition, toEsdbPosition, toPositionNumber } from './esdb-position';
import { esdbPositionOf, isUserEvent, positionOf, toRecordedEvent } from './esdb-recorded-event';
import { readFully } from './esdb-streaming-read';
import { EsdbSubscription, type EsdbSubscriptionSettings } from './esdb-subscription';

/** Retries of an append whose outcome a timeout or a dropped connection left unknown. */
const APPEND_RETRIES = 2;

export interface EsdbEventStoreOptions extends Partial<EsdbSubscriptionSettings> {
  /** Events per request when paging through $all. */
  pageSize?: number;
}

/** The event store port on EventStoreDB (gRPC client v6, server 22.6 or newer). */
export class EsdbEventStore implements EventStore {
  private readonly pageSize: number;
  private readonly settings: EsdbSubscriptionSettings;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly upcasters: UpcasterRegistry,
    options: EsdbEventStoreOptions = {},
  ) {
    // Paging re-reads the event a page starts at, so a page must hold at least two.
    this.pageSize = Math.max(2, options.pageSize ?? 500);
    this.settings = {
      reconnectDelayMs: options.reconnectDelayMs ?? 250,
      maxReconnectDelayMs: options.maxReconnectDelayMs ?? 10_000,
      onDropped: options.onDropped,
    };
  }

  /** Connects lazily: `esdb://host:2113?tls=false` and the other forms of the client's connection string. */
  static connect(
    connectionString: string,
    upcasters: UpcasterRegistry,
    options?: EsdbEventStoreOptions,
  ): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), upcasters, options);
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(stream, expected);
    const result = await this.appendWithRetries(stream, events, expected);
    // A retry of stored event ids succeeds with the original revision, but the server may leave out the
    // position (or send -1): the last event of the original append tells it.
    const position = isUsablePosition(result.position)
      ? toPositionNumber(result.position.commit)
      : await this.positionAtRevision(stream, result.nextExpectedRevision);
    return { nextExpectedRevision: Number(result.nextExpectedRevision), position };
  }

  private async appendWithRetries(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<EsdbAppendResult> {
    const data = events.map(toEsdbEventData);
    const expectedRevision = toEsdbExpectedRevision(expected);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.client.appendToStream(stream, data, { expectedRevision });
      } catch (error) {
        // A timeout or a lost connection leaves the outcome unknown; the same ids make a retry safe.
        if (attempt <= APPEND_RETRIES && isUncertainAppendError(error)) {
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
          continue;
        }
        throw toAppendError(error, stream, expected);
      }
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.limit !== undefined && options.limit <= 0) return [];
    const backwards = options.direction === 'backwards';
    let stored: ResolvedEvent[];
    try {
      stored = await readFully(
        this.client.readStream(stream, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: options.from !== undefined ? BigInt(options.from) : backwards ? END : START,
          ...(options.limit !== undefined ? { maxCount: options.limit } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return this.toRecordedEvents(stored);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    // The client cannot filter a read of $all (only subscriptions), so pages are filtered here.
    for await (const event of this.eventsAfter(options.after, options.filter)) {
      events.push(event);
      if (events.length >= limit) break;
    }
    return events;
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    const subscription = new EsdbSubscription(
      this.client,
      this.upcasters,
      options,
      handler,
      { readHead: () => this.headPosition(), startAfter: (after) => this.startAfter(after) },
      { ...this.settings },
    );
    this.subscriptions.add(subscription);
    const forget = (): void => {
      this.subscriptions.delete(subscription);
    };
    subscription.done.then(forget, forget);
    return subscription;
  }

  async headPosition(): Promise<number> {
    // The newest record is often the server's own (stats, metadata): page backwards to the newest of ours.
    let from: ReadPosition = END;
    let previous = Number.POSITIVE_INFINITY;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await readFully(
        this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.pageSize }),
      );
      for (const resolved of page) {
        const position = positionOf(resolved);
        if (position >= previous) continue;
        if (isUserEvent(resolved)) return position;
        previous = position;
      }
      const last = page.at(-1);
      const lastPosition = last && esdbPositionOf(last);
      if (page.length < this.pageSize || !lastPosition) return -1;
      from = lastPosition;
    }
  }

  async close(): Promise<void> {
    // A subscription left running would keep resubscribing through a closed client.
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /** Our events passing the filter, strictly after `after` in $all order, read page by page. */
  private async *eventsAfter(
    after: number | undefined,
    filter: EventFilter | undefined,
  ): AsyncGenerator<RecordedEvent> {
    let from = after === undefined ? START : await this.startAfter(after);
    let seen = after ?? -1;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await readFully(
        this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: this.pageSize }),
      );
      for (const resolved of page) {
        const position = positionOf(resolved);
        // A forward read includes the record at its start position: `after` and page starts are exclusive here.
        if (position <= seen) continue;
        seen = position;
        if (!isWantedEvent(resolved, filter)) continue;
        const event = toRecordedEvent(resolved, this.upcasters);
        if (event) yield event;
      }
      const last = page.at(-1);
      const lastPosition = last && esdbPositionOf(last);
      if (page.length < this.pageSize || !lastPosition) return;
      from = lastPosition;
    }
  }

  /**
   * Where to read from to see every record after `after`. The server can only start reading at a record
   * boundary (elsewhere it fails, or finds nothing in a scavenged chunk): our own events' positions are
   * boundaries, any other number is replaced by the last record at or before it.
   */
  private async startAfter(after: number): Promise<ReadPosition> {
    if (after < 0) return START;
    const exact = toEsdbPosition(after);
    try {
      const [found] = await readFully(
        this.client.readAll({ direction: FORWARDS, fromPosition: exact, maxCount: 1 }),
      );
      if (found) return exact;
    } catch {
      // Not a record boundary: search for one below.
    }
    return this.lastRecordAtOrBefore(after);
  }

  private async lastRecordAtOrBefore(target: number): Promise<ReadPosition> {
    let from: ReadPosition = END;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await readFully(
        this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.pageSize }),
      );
      for (const resolved of page) {
        const position = esdbPositionOf(resolved);
        if (position && toPositionNumber(position.commit) <= target) return position;
      }
      const last = page.at(-1);
      const lastPosition = last && esdbPositionOf(last);
      if (page.length < this.pageSize || !lastPosition) return START;
      from = lastPosition;
    }
  }

  private toRecordedEvents(stored: ResolvedEvent[]): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    for (const resolved of stored) {
      const event = toRecordedEvent(resolved, this.upcasters);
      if (event) events.push(event);
    }
    return events;
  }

  private async positionAtRevision(stream: string, revision: bigint): Promise<number> {
    const [stored] = await readFully(this.client.readStream(stream, { fromRevision: revision, maxCount: 1 }));
    if (!stored) throw new Error(`Stream ${stream} has no event at revision ${revision} after appending`);
    return positionOf(stored);
  }

  /** Nothing to write: still check the expectation, and report where the stream stands. */
  private async appendNothing(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(stream, { direction: 'backwards', limit: 1 });
    const actual = last ? last.revision : 'no-stream';
    const holds =
      expected === 'any' ||
      (expected === 'no-stream' && !last) ||
      (expected === 'stream-exists' && last !== undefined) ||
      expected === actual;
    if (!holds) throw new WrongExpectedRevision(stream, expected, actual);
    return { nextExpectedRevision: last ? last.revision : -1, position: last ? last.position : -1 };
  }
}
