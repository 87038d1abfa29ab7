import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
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
import { EsdbAppender } from './esdb-appender';
import type { EsdbClient } from './esdb-client';
import { isWantedEvent } from './esdb-event-filter';
import { readAllFiltered } from './esdb-filtered-read';
import { toEsdbPosition, toPositionNumber } from './esdb-position';
import { esdbPositionOf, isUserEvent, positionOf, toRecordedEvent } from './esdb-recorded-event';
import { readFully } from './esdb-streaming-read';
import { EsdbSubscription, type EsdbSubscriptionSettings } from './esdb-subscription';

/** Holds the store's identity; `$`-prefixed, so no read of ours ever returns it as history. */
const IDENTITY_STREAM = '$portal-store-identity';

export interface EsdbEventStoreOptions extends Partial<EsdbSubscriptionSettings> {
  /** Events per request when paging through $all or reading a stream back. */
  pageSize?: number;
  /** Retries of an append whose outcome a timeout, a cancellation or a dropped connection left unknown. */
  appendRetries?: number;
  appendRetryDelayMs?: number;
}

/**
 * The event store port on EventStoreDB (gRPC client v6, server 22.6 or newer; filtered reads need 23.10
 * or newer, whose subscriptions say when they have caught up).
 */
export class EsdbEventStore implements EventStore {
  private readonly pageSize: number;
  private readonly settings: EsdbSubscriptionSettings;
  private readonly appender: EsdbAppender;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(
    private readonly client: EsdbClient,
    private readonly upcasters: UpcasterRegistry,
    options: EsdbEventStoreOptions = {},
  ) {
    // Paging re-reads the event a page starts at, so a page must hold at least two.
    this.pageSize = Math.max(2, options.pageSize ?? 500);
    this.settings = {
      reconnectDelayMs: options.reconnectDelayMs ?? 250,
      maxReconnectDelayMs: options.maxReconnectDelayMs ?? 10_000,
      checkpointInterval: options.checkpointInterval ?? 1,
      onDropped: options.onDropped,
    };
    this.appender = new EsdbAppender(client, {
      retries: options.appendRetries ?? 2,
      retryDelayMs: options.appendRetryDelayMs ?? 100,
      pageSize: this.pageSize,
      maxConflicts: 20,
    });
  }

  /** Connects lazily: `esdb://host:2113?tls=false` and the other forms of the client's connection string. */
  static connect(
    connectionString: string,
    upcasters: UpcasterRegistry,
    options?: EsdbEventStoreOptions,
  ): EsdbEventStore {
    const client: EsdbClient = EventStoreDBClient.connectionString(connectionString);
    return new EsdbEventStore(client, upcasters, options);
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(stream, expected);
    return this.appender.append(stream, events, expected);
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
    if (limit <= 0) return [];
    if (options.filter?.streamPrefixes?.length || options.filter?.eventTypes?.length) {
      return this.readAllFiltered(options.after, limit, options.filter);
    }
    const events: RecordedEvent[] = [];
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

  async identity(): Promise<string> {
    const stored = await this.storedIdentity();
    if (stored) return stored;
    const drawn = randomUUID();
    try {
      await this.client.appendToStream(
        IDENTITY_STREAM,
        [jsonEvent({ type: 'StoreIdentityDrawn', data: { identity: drawn } })],
        { expectedRevision: NO_STREAM },
      );
      return drawn;
    } catch (error) {
      // Another process drew one first: theirs stands.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const theirs = await this.storedIdentity();
    if (!theirs) throw new Error(`${IDENTITY_STREAM} holds no identity`);
    return theirs;
  }

  private async storedIdentity(): Promise<string | undefined> {
    try {
      const [first] = await readFully(
        this.client.readStream(IDENTITY_STREAM, { direction: FORWARDS, fromRevision: START, maxCount: 1 }),
      );
      const data = first?.event?.data as { identity?: unknown } | undefined;
      return typeof data?.identity === 'string' ? data.identity : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    // A subscription left running would keep resubscribing through a closed client.
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /** A read the server filters (see readAllFiltered), up to the head as it is now. */
  private async readAllFiltered(
    after: number | undefined,
    limit: number,
    filter: EventFilter,
  ): Promise<RecordedEvent[]> {
    const head = await this.headPosition();
    if (head < 0 || (after !== undefined && after >= head)) return [];
    const from = after === undefined ? START : await this.startAfter(after);
    return readAllFiltered(this.client, this.upcasters, {
      from,
      after,
      head,
      limit,
      filter,
      checkpointInterval: this.settings.checkpointInterval,
    });
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
