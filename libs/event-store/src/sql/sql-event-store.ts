import type { SqlClient } from '@portal/platform';
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
  StreamAppend,
  StreamRange,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { UpcasterRegistry } from '../upcasters';
import { appendInOneStatement } from './append-in-one-statement';
import { appendInTransaction } from './append-in-transaction';
import { appendManyInBulk } from './append-many-in-bulk';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-row';
import { migrateEventStoreSchema, notifyChannelOf } from './event-store-schema';
import { EventPage, SqlSubscription } from './sql-subscription';
import { prepared, readOnly, type SqlQueryable } from '@portal/platform';

export interface SqlEventStoreOptions {
  /** Events per page when subscriptions catch up. Default 500. */
  pageSize?: number;
  /** How often a live subscription polls besides LISTEN/NOTIFY. Default 300 ms. */
  pollIntervalMs?: number;
}

/** Retries of an append that lost a race (unique violation) before it reports the result of the rerun. */
const MAX_APPEND_ATTEMPTS = 5;

/** The largest revision an int column holds: "to the end" of a StreamRange. */
const MAX_REVISION = 2_147_483_647;

const RANGE_EVENT_COLUMNS = EVENT_COLUMNS.split(', ')
  .map((column) => `e.${column}`)
  .join(', ');

const FILTER_CONDITION = `($2::text[] IS NULL OR EXISTS (
    SELECT 1 FROM unnest($2::text[]) AS p(prefix) WHERE starts_with(stream, p.prefix)))
  AND ($3::text[] IS NULL OR type = ANY($3::text[]))`;

/** The event store on PostgreSQL, through a pg pool or PGlite: the same SQL for both. */
export class SqlEventStore implements EventStore {
  /** Every read parses its rows afresh (toRecordedEvent) and caches no event. */
  readonly returnsUnsharedEvents = true;
  private readonly subscriptions = new Set<SqlSubscription>();
  /** watchAppends' callers, told of this instance's own commits at once (appendCommitted). */
  private readonly appendWatchers = new Set<(position?: number) => void>();
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;

  private constructor(
    private readonly client: SqlClient,
    private readonly upcasters: UpcasterRegistry,
    private readonly channel: string,
    options: SqlEventStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 300;
  }

  /** Creates the tables if missing (idempotent) and returns the store; the store owns the client. */
  static async open(
    client: SqlClient,
    upcasters: UpcasterRegistry = new UpcasterRegistry(),
    options: SqlEventStoreOptions = {},
  ): Promise<SqlEventStore> {
    await migrateEventStoreSchema(client);
    return new SqlEventStore(client, upcasters, await notifyChannelOf(client), options);
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) {
      return appendInTransaction(this.client, stream, events, expected, { channel: this.channel });
    }
    if (typeof expected === 'number' || expected === 'no-stream') {
      const ids = events.map((e) => e.id.toLowerCase());
      // Duplicate ids in one append are an error the full path reports.
      if (new Set(ids).size === ids.length) {
        try {
          const done = await appendInOneStatement(this.client, stream, ids, events, expected, this.channel);
          if (done) return this.appendCommitted(done);
        } catch (error) {
          // Ids stored before (a retry) or a racing creator: the full path tells which.
          if (!isUniqueViolation(error)) throw error;
        }
      }
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return this.appendCommitted(
          await this.client.transaction((tx) =>
            appendInTransaction(tx, stream, events, expected, {
              channel: this.channel,
              checkIds: attempt > 1,
            }),
          ),
        );
      } catch (error) {
        // A concurrent append created the stream or stored these ids first: rerunning sees its
        // commit and answers properly (conflict, idempotent retry or id error).
        if (isUniqueViolation(error) && attempt < MAX_APPEND_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** One transaction for them all: one commit (and one es_head lock) instead of one per stream. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    for (let attempt = 1; ; attempt += 1) {
      try {
        const results = await this.client.transaction(async (tx) => {
          const bulk = await appendManyInBulk(tx, appends, this.channel);
          if (bulk) return bulk;
          const results: AppendResult[] = new Array<AppendResult>(appends.length);
          // Streams locked in name order: two batches over the same streams cannot deadlock.
          const order = appends
            .map((_, i) => i)
            .sort((a, b) => compare(appends[a]!.stream, appends[b]!.stream));
          for (const i of order) {
            const { stream, events, expected } = appends[i]!;
            results[i] = await appendInTransaction(tx, stream, events, expected, {
              channel: this.channel,
              checkIds: attempt > 1,
            });
          }
          return results;
        });
        const last = results.reduce((max, result) => Math.max(max, result.position), -1);
        if (last >= 0) this.appendCommitted({ position: last });
        return results;
      } catch (error) {
        if (isUniqueViolation(error) && attempt < MAX_APPEND_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * Appends inside a transaction of the caller's (on the same SqlClient), which commits it. Unlike
   * append(), a lost race on a new stream surfaces as the driver's unique violation.
   */
  appendInTransaction(
    tx: SqlQueryable,
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return appendInTransaction(tx, stream, events, expected, { channel: this.channel });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.client.query<EventRow>(prepared(streamStatement(EVENT_COLUMNS, options)), [
      stream,
      options.from ?? null,
      options.limit ?? null,
    ]);
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /** readStream with a scalar query of the caller's read in the same statement, as readAllBeside. */
  async readStreamBeside(
    stream: string,
    options: ReadStreamOptions,
    beside: string,
  ): Promise<{ events: RecordedEvent[]; beside: string | null }> {
    const { rows } = await this.client.query<BesideRow>(
      prepared(streamStatement(`(${beside})::text AS beside, ${EVENT_COLUMNS}`, options)),
      [stream, options.from ?? null, options.limit ?? null],
    );
    return this.withBeside(rows);
  }

  /** Rows read with a scalar beside them: their events, and the scalar (null with no row). */
  private withBeside(rows: BesideRow[]): { events: RecordedEvent[]; beside: string | null } {
    return {
      events: rows.map((row) => toRecordedEvent(row, this.upcasters)),
      beside: rows.length === 0 ? null : rows[0]!.beside,
    };
  }

  /** One statement for them all: the ranges joined to es_events by (stream, revision). */
  async readStreams(ranges: readonly StreamRange[]): Promise<RecordedEvent[][]> {
    if (ranges.length === 0) return [];
    const { rows } = await this.client.query<EventRow & { ord: number }>(
      prepared(
        `SELECT r.ord::int AS ord, ${RANGE_EVENT_COLUMNS}
         FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS r(stream, lo, hi, ord)
         JOIN es_events e ON e.stream = r.stream AND e.revision BETWEEN r.lo AND r.hi
         ORDER BY r.ord, e.revision`,
      ),
      [ranges.map((r) => r.stream), ranges.map((r) => r.from ?? 0), ranges.map((r) => r.to ?? MAX_REVISION)],
    );
    const out = ranges.map((): RecordedEvent[] => []);
    for (const { ord, ...row } of rows) out[ord - 1]!.push(toRecordedEvent(row, this.upcasters));
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    // readOnly: the live projector polls the log so every second, mostly finding nothing.
    const { rows } = await this.client.query<EventRow>(
      readOnly(pageStatement(EVENT_COLUMNS)),
      pageParams(options),
    );
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /**
   * readAll, with the value of `beside` (a scalar query of the caller's, constant text, on this
   * database) read in the same statement: one round trip and one snapshot for both (the privacy
   * layer's erasure count beside each page). An uncorrelated subquery, so the server runs it once
   * per statement; its value comes on every row as text, and null with an empty page (no row).
   */
  async readAllBeside(
    options: ReadAllOptions,
    beside: string,
  ): Promise<{ events: RecordedEvent[]; beside: string | null }> {
    const { rows } = await this.client.query<BesideRow>(
      readOnly(pageStatement(`(${beside})::text AS beside, ${EVENT_COLUMNS}`)),
      pageParams(options),
    );
    return this.withBeside(rows);
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    const subscription = new SqlSubscription(
      {
        readPage: (after, limit, filter) => this.readPage(after, limit, filter),
        toEvent: (row) => toRecordedEvent(row, this.upcasters),
        listen: (onWake) => this.client.listen(this.channel, onWake),
      },
      { ...options, pageSize: this.pageSize, pollIntervalMs: this.pollIntervalMs },
      handler,
      (ended) => this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * The append notifications (NOTIFY at each commit) alone, without reading a page per wake-up,
   * and this instance's own appends as soon as their commit returns: the projector usually runs in
   * the process that appended, and a read-your-writes read waits for it, so it should not wait
   * for the notification's trip through the server (another backend, the listening connection's
   * socket: a median 0.7-1.1 ms after the append's own answer on a busy machine) to start reading.
   * The notification still comes: its position tells the watcher it has nothing new to read.
   */
  async watchAppends(onAppend: (position?: number) => void): Promise<() => Promise<void>> {
    const unlisten = await this.client.listen(this.channel, (payload) => onAppend(notifiedPosition(payload)));
    this.appendWatchers.add(onAppend);
    return async () => {
      this.appendWatchers.delete(onAppend);
      await unlisten();
    };
  }

  /**
   * Called once an append's commit returned (never for one inside a caller's transaction, which
   * may still roll back): its position is committed, and with commits in position order (the
   * es_head lock) so is every position below it.
   */
  private appendCommitted<T extends { position: number }>(result: T): T {
    for (const onAppend of this.appendWatchers) {
      try {
        onAppend(result.position);
      } catch {
        // A wake-up hint's failure is the watcher's: the append committed and answers so.
      }
    }
    return result;
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.client.query<{ position: string | number }>(
      prepared('SELECT position FROM es_head WHERE id = 1'),
    );
    return Number(rows[0]?.position ?? -1);
  }

  async identity(): Promise<string> {
    const { rows } = await this.client.query<{ identity: string }>(
      'SELECT identity::text AS identity FROM es_identity WHERE id = 1',
    );
    const identity = rows[0]?.identity;
    if (!identity) throw new Error('the event store has no identity row (es_identity)');
    return identity;
  }

  /** Stops the subscriptions, then closes the client. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.close();
  }

  /** Page and head from one statement, hence one snapshot (see EventPage.head). */
  private async readPage(after: number, limit: number, filter: EventFilter | undefined): Promise<EventPage> {
    // readOnly: a subscription polls so every pollIntervalMs, mostly finding nothing.
    const { rows } = await this.client.query<EventRow & { head: string | number }>(
      readOnly(`SELECT h.position AS head, e.*
       FROM es_head h
       LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS} FROM es_events
         WHERE position > $1::bigint AND ${FILTER_CONDITION}
         ORDER BY position LIMIT $4::bigint
       ) e ON true
       WHERE h.id = 1
       ORDER BY e.position`),
      [after, ...filterParams(filter), limit],
    );
    return {
      head: Number(rows[0]?.head ?? -1),
      rows: rows.filter((row) => row.position !== null && row.position !== undefined),
    };
  }
}

type BesideRow = EventRow & { beside: string | null };

/** An append notification's payload is the position the append reached (a bare number). */
function notifiedPosition(payload: string): number | undefined {
  return /^\d{1,16}$/.test(payload) ? Number(payload) : undefined;
}

/** A page of the log after a position ($1 after, $2/$3 the filter, $4 limit), with these columns. */
function pageStatement(columns: string): string {
  return `SELECT ${columns} FROM es_events
       WHERE position > $1::bigint AND ${FILTER_CONDITION}
       ORDER BY position LIMIT $4::bigint`;
}

function pageParams(options: ReadAllOptions): unknown[] {
  return [options.after ?? -1, ...filterParams(options.filter), options.limit ?? null];
}

/** A stream's events in either direction ($1 stream, $2 from, $3 limit), with these columns. */
function streamStatement(columns: string, options: ReadStreamOptions): string {
  return options.direction === 'backwards'
    ? `SELECT ${columns} FROM es_events
       WHERE stream = $1 AND ($2::int IS NULL OR revision <= $2::int)
       ORDER BY revision DESC LIMIT $3::bigint`
    : `SELECT ${columns} FROM es_events
       WHERE stream = $1 AND revision >= coalesce($2::int, 0)
       ORDER BY revision LIMIT $3::bigint`;
}

function filterParams(filter: EventFilter | undefined): [string[] | null, string[] | null] {
  return [filter?.streamPrefixes ?? null, filter?.eventTypes ?? null];
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
