import type { RecordFilter } from '@portal/acl';
import {
  cachedRead,
  PgSqlClient,
  PgliteSqlClient,
  prepared,
  quoteIdent,
  type SqlClient,
} from '@portal/platform';
import { CheckpointAnnouncements } from '../checkpoint-announcements';
import { CheckpointWaits } from '../checkpoint-wait';
import {
  CHECKPOINTS,
  lockCheckpoint,
  lockCheckpointAndRead,
  positionOf,
  readCheckpointAndDocuments,
} from './checkpoint-lock';
import { DeferredWrites } from './deferred-writes';
import type {
  CollectionOptions,
  Document,
  DocumentShape,
  DocumentsAlongside,
  DocumentsWanted,
  DocumentWithCheckpoint,
  FindQuery,
  FindResult,
  IndexSpec,
  ReadStore,
  ReadStoreKind,
  ReadStoreTransaction,
  RefreshStatisticsOptions,
  TransactOptions,
  ValueCount,
} from '../read-store.port';
import { assertCheckpoint, assertCollectionOptions, assertIndexSpec } from '../read-store-input';
import { boundedName, countsOf, createCounts, createCountsRegistry, dropCounts } from './document-counts';
import { createOrderedElements, createOrderedRegistry, dropOrdered, orderedOf } from './document-orders';
import { indexColumnOf, jsonAt, orderByIndexColumns } from './record-filter-to-sql';
import {
  COMMENT_COLUMN,
  KnownTables,
  OPAQUE_COLUMN,
  SqlDocuments,
  pathTypesComment,
  pathTypesOf,
  tableOf,
} from './sql-documents';

export interface SqlReadStoreOptions {
  /** How often waitForCheckpoint re-reads when no notification arrives. */
  pollIntervalMs?: number;
  /** Close the SqlClient with the store (default true); false when several stores share one. */
  ownsClient?: boolean;
  /**
   * The SQL event store keeps its tables in this very database and schema (the composition root
   * says so when EVENT_STORE and READ_STORE name the same one): getWithCheckpoint may then read a
   * stream's revision from EVENT_STREAMS in its statement. Off, it never touches them.
   */
  eventStreams?: boolean;
}

/**
 * The SQL event store's table of streams and their last revisions (libs/event-store's
 * event-store-schema.ts; not imported, the libs stay apart: libs/runtime's
 * shared-database.int-spec.ts checks the two agree). Its revision is written in the same statement or transaction as the stream's events.
 */
const EVENT_STREAMS = 'es_streams';

/** Arbitrary constant: serialises DDL of processes creating tables and indexes at the same time. */
const DDL_LOCK = 7_318_245_017;
/**
 * A table's statistics are stale (refreshStatistics' staleOnly) once more than this many rows
 * plus this fraction of its rows at the last ANALYZE changed since: autovacuum's defaults, so a
 * list is never planned for a table a tenth smaller than it is, and a table of 1M rows is sampled
 * again every 100k changes, not every few thousand.
 */
const STALE_AFTER_ROWS = 50;
const STALE_AFTER_FRACTION = 0.1;

/**
 * The read store on PostgreSQL or PGlite (one SQL dialect, two transports). Each collection is a
 * table `rm_<collection>(id, doc jsonb)`; filters become WHERE conditions on `doc #> '{path}'`,
 * which the expression indexes of ensureCollection serve.
 *
 * Exactly-once: `transact` locks the projection's row in `rs_checkpoints` (SELECT … FOR UPDATE)
 * for the whole transaction, so a second runner of the same projection waits and then sees the
 * committed checkpoint; document writes and the new checkpoint commit together. The commit also
 * NOTIFYs, which wakes waitForCheckpoint in every process listening on this schema; the waits of
 * this process learn of it as soon as the commit returns (CheckpointAnnouncements).
 */
export class SqlReadStore implements ReadStore {
  readonly kind: ReadStoreKind;
  private readonly known = new KnownTables();
  private readonly waits: CheckpointWaits;
  private readonly announcements = new CheckpointAnnouncements();
  private readonly documents: SqlDocuments;

  private constructor(
    private readonly client: SqlClient,
    /** The schema the store's tables are in (as current_schema() names it). */
    private readonly schema: string,
    private readonly options: SqlReadStoreOptions,
  ) {
    this.kind = client.kind;
    this.documents = new SqlDocuments(client, this.known);
    this.waits = new CheckpointWaits(options.pollIntervalMs);
  }

  static async open(client: SqlClient, options: SqlReadStoreOptions = {}): Promise<SqlReadStore> {
    await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (
           projection text COLLATE "C" PRIMARY KEY,
           position bigint
         )`,
      );
      await createCountsRegistry(tx);
      await createOrderedRegistry(tx);
    });
    const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
    return new SqlReadStore(client, rows[0]?.schema ?? 'public', options);
  }

  /** The channel of this schema's checkpoint notifications. */
  private get channel(): string {
    // Lower-case word characters only: the same name then works quoted (pg) and unquoted (PGlite).
    return `rs_checkpoint_${this.schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
  }

  get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null> {
    return this.documents.get<T>(collection, id);
  }

  find<T extends DocumentShape = Document>(collection: string, query?: FindQuery): Promise<FindResult<T>> {
    return this.documents.find<T>(collection, query);
  }

  getMany<T extends DocumentShape = Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    return this.documents.getMany<T>(collection, ids);
  }

  countBy(collection: string, filter: RecordFilter, path: string): Promise<ValueCount[]> {
    return this.documents.countBy(collection, filter, path);
  }

  scan<T extends DocumentShape = Document>(
    collection: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<T[]> {
    return this.documents.scan<T>(collection, afterId, limit);
  }

  async transact(
    projection: string,
    fn: (tx: ReadStoreTransaction, checkpoint: number | undefined) => Promise<number | undefined>,
    firstReads?: readonly DocumentsWanted[],
    options: TransactOptions = {},
  ): Promise<void> {
    if (options.optimistic && firstReads && (await this.transactOptimistically(projection, fn, firstReads)))
      return;
    let reached: number | undefined;
    await this.client.transaction(async (q) => {
      const locked =
        firstReads && firstReads.length > 0
          ? await lockCheckpointAndRead(q, this.known, projection, firstReads)
          : { checkpoint: await lockCheckpoint(q, projection) };
      const deferred = new DeferredWrites(q);
      const tx = new SqlDocuments(q, this.known, deferred, locked.reads);
      const next = await fn(tx, locked.checkpoint);
      // undefined: nothing to record (e.g. no event handled); the stored checkpoint stays.
      if (next === undefined) {
        await deferred.send();
        // Written under the lock all the same: a new version of the row says so to a reader
        // under the lock that read before it (lockCheckpointAndRead).
        if (tx.wrote)
          await q.query(`UPDATE ${CHECKPOINTS} SET position = position WHERE projection = $1`, [projection]);
        return;
      }
      assertCheckpoint(next);
      reached = next;
      // The writes fn left held back, the checkpoint and its notification in one statement (a
      // live batch's writes and checkpoint were five round trips, which a read-your-writes read
      // waited for): the row is locked above, so it is there. The notification is delivered at
      // commit only, so a waiter never wakes for a write that rolls back; it names the checkpoint
      // reached, so a waiter needs no read to learn it (notificationOf).
      // asyncCommit: synchronous_commit is read when the transaction commits, so setting it for
      // the transaction in its last statement costs no round trip (a replay's batch then does not
      // wait for the WAL to reach the disk).
      const commitSetting = options.asyncCommit ? `, set_config('synchronous_commit', 'off', true)` : '';
      await deferred.sendWith(
        (params) =>
          `WITH moved AS (UPDATE ${CHECKPOINTS} SET position = ${params.add(next)} WHERE projection = ${params.add(projection)} RETURNING projection, position)
           SELECT pg_notify(${params.add(this.channel)}, projection || ' ' || position)${commitSetting} FROM moved`,
      );
    });
    if (reached !== undefined) this.announcements.announce(projection, reached);
  }

  /**
   * transact without BEGIN, the lock and COMMIT (two round trips of five for a live batch, which a
   * read-your-writes read waits for): the checkpoint, its row's version and the first reads in one
   * snapshot, fn with every write held back, then the writes and the checkpoint in one statement
   * (its own transaction) that writes only if the row still has the version read, i.e. no runner
   * committed anything under the lock since (checkpoint-lock.ts). The statement's UPDATE waits for
   * a runner holding the lock and then sees its commit. False: nothing was written (the row moved,
   * is not there yet, a write could not be held back, or fn threw) and fn is run again the usual way.
   */
  private async transactOptimistically(
    projection: string,
    fn: (tx: ReadStoreTransaction, checkpoint: number | undefined) => Promise<number | undefined>,
    firstReads: readonly DocumentsWanted[],
  ): Promise<boolean> {
    const seen = await readCheckpointAndDocuments(this.client, this.known, projection, firstReads);
    if (!seen) return false;
    const deferred = new DeferredWrites(this.client, true);
    const tx = new SqlDocuments(this.client, this.known, deferred, seen.reads);
    let next: number | undefined;
    try {
      next = await fn(tx, seen.checkpoint);
    } catch {
      // WritesNotHeld, or an error that reads of another runner's commit made (a read after the
      // first ones sees the store as it is then): the run under the lock decides.
      return false;
    }
    // Nothing to record and nothing written: as a transaction that commits nothing.
    if (next === undefined && !tx.wrote) return true;
    if (next !== undefined) assertCheckpoint(next);
    const moved = await deferred.sendGated(
      {
        name: 'moved',
        text: (params) =>
          `UPDATE ${CHECKPOINTS} SET position = ${next === undefined ? 'position' : params.add(next)}
           WHERE projection = ${params.add(projection)} AND xmin::text = ${params.add(seen.version)}
           RETURNING projection, position`,
      },
      // Notified as transact does (at commit, naming the checkpoint reached); a touch is not.
      (params) =>
        next === undefined
          ? 'SELECT 1 FROM moved'
          : `SELECT pg_notify(${params.add(this.channel)}, projection || ' ' || position) FROM moved`,
    );
    // One statement, so committed once it returns.
    if (moved.length > 0 && next !== undefined) this.announcements.announce(projection, next);
    return moved.length > 0;
  }

  async write(fn: (tx: ReadStoreTransaction) => Promise<void>): Promise<void> {
    await this.client.transaction((q) => fn(new SqlDocuments(q, this.known)));
  }

  async getCheckpoint(projection: string): Promise<number | undefined> {
    const { rows } = await this.client.query<{ position: number | string | null }>(
      `SELECT position FROM ${CHECKPOINTS} WHERE projection = $1`,
      [projection],
    );
    return positionOf(rows);
  }

  async getWithCheckpoint<T extends DocumentShape = Document, A extends DocumentShape = Document>(
    collection: string,
    id: string,
    projection: string,
    alongside?: DocumentsAlongside,
    stream?: string,
  ): Promise<DocumentWithCheckpoint<T, A>> {
    const table = tableOf(collection);
    const doc = (await this.known.exists(this.client, table))
      ? `(SELECT doc FROM ${this.known.source(table)} WHERE id = $1::text)`
      : '(SELECT NULL::jsonb WHERE $1::text IS NULL)';
    const others = alongside ? tableOf(alongside.collection) : undefined;
    const more =
      others !== undefined && (await this.known.exists(this.client, others))
        ? `(SELECT jsonb_agg(doc) FROM ${this.known.source(others)} WHERE id = ANY($3::text[]))`
        : '(SELECT NULL::jsonb WHERE $3::text[] IS NULL)';
    const withStream =
      stream !== undefined &&
      this.options.eventStreams === true &&
      (await this.known.exists(this.client, EVENT_STREAMS));
    const revision = withStream
      ? `, (SELECT revision FROM ${EVENT_STREAMS} WHERE stream = $4::text) AS stream_revision`
      : '';
    const { rows } = await this.client.query<{
      doc: T | null;
      position: number | string | null;
      alongside: A[] | null;
      stream_revision?: number | null;
    }>(
      // Every request's first read (the portal guard's): PGlite's client answers it again while
      // nothing has written since (cachedRead); it reads tables only, nothing of the clock.
      prepared(
        cachedRead(
          `SELECT ${doc} AS doc, (SELECT position FROM ${CHECKPOINTS} WHERE projection = $2::text) AS position, ${more} AS alongside${revision}`,
        ),
      ),
      [id, projection, alongside ? [...alongside.ids] : [], ...(withStream ? [stream] : [])],
    );
    const found = {
      doc: rows[0]?.doc ?? null,
      checkpoint: positionOf(rows),
      ...(withStream ? { streamRevision: rows[0]?.stream_revision ?? null } : {}),
    };
    return alongside ? { ...found, alongside: rows[0]?.alongside ?? [] } : found;
  }

  waitForCheckpoint(
    projection: string,
    position: number,
    timeoutMs: number,
    seen?: number,
  ): Promise<boolean> {
    return this.waits.wait(
      {
        read: () => this.getCheckpoint(projection),
        subscribe: async (onWake) => {
          const unannounce = this.announcements.listen(projection, onWake);
          // Without the notifications (the connection that LISTENs is down), this process's own
          // commits still wake the wait, and polling covers the others'.
          const unlisten = await this.client
            .listen(this.channel, (payload) => {
              const notified = notificationOf(payload);
              if (notified.projection === projection) onWake(notified.reached);
            })
            .catch(() => undefined);
          return async () => {
            unannounce();
            await unlisten?.();
          };
        },
      },
      position,
      timeoutMs,
      seen,
    );
  }

  async ensureCollection(
    collection: string,
    indexes: IndexSpec[] = [],
    options: CollectionOptions = {},
  ): Promise<void> {
    const table = tableOf(collection);
    indexes.forEach(assertIndexSpec);
    assertCollectionOptions(indexes, options);
    const known = await this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      // Counts registered for a table of this name that is gone (dropped by other means) go too.
      const { rows } = await tx.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
        table,
      ]);
      const made = rows[0]?.present !== true;
      if (made) {
        await dropCounts(tx, table);
        await dropOrdered(tx, table);
      }
      // Opaque documents as text: a bulk insert (a replay's COPY) then stores each JSON text as it
      // comes instead of parsing it into jsonb (about half the COPY's server CPU); reads parse them
      // back (KnownTables.source), which only reads by id do in any number.
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (
           id text COLLATE "C" PRIMARY KEY,
           doc ${options.opaque ? 'text' : 'jsonb'} NOT NULL
         )`,
      );
      // No statistics on whole documents: the planner has no use for them (filters work on paths,
      // estimated from the index expressions' own statistics), and gathering them is most of what
      // ANALYZE costs after a replay. Idempotent, so an existing table gets it too.
      await tx.query(`ALTER TABLE ${quoteIdent(table)} ALTER COLUMN doc SET STATISTICS 0`);
      // The path types a new table is made with, kept with it for every process's reads: its
      // btrees are on those forms from now on (an existing table keeps its own, as its storage).
      if (made && options.pathTypes && Object.keys(options.pathTypes).length > 0)
        await tx.query(
          `COMMENT ON TABLE ${quoteIdent(table)} IS '${pathTypesComment(options.pathTypes).replaceAll("'", "''")}'`,
        );
      const { rows: stored } = await tx.query<{ opaque: boolean; comment: string | null }>(
        `SELECT ${OPAQUE_COLUMN} AS opaque, ${COMMENT_COLUMN} AS comment`,
        [table],
      );
      const types = pathTypesOf(stored[0]?.comment ?? null);
      for (const spec of indexes) {
        // An existing index of the same name is kept as it is: change a definition by renaming it.
        if (spec.kind === 'counts') {
          await createCounts(tx, this.schema, table, spec.name, spec.paths);
          continue;
        }
        if (spec.kind === 'array' && spec.sort) {
          await createOrderedElements(tx, this.schema, table, spec.name, spec.paths[0], spec.sort);
          continue;
        }
        const index = quoteIdent(indexNameOf(table, spec.name));
        if (spec.kind !== 'array') {
          const columns = [
            ...spec.paths.map((path) => indexColumnOf(path, types)),
            ...(spec.sort ? [orderByIndexColumns(spec.sort)] : []),
          ];
          await tx.query(
            `CREATE INDEX IF NOT EXISTS ${index} ON ${quoteIdent(table)} (${columns.join(', ')})`,
          );
          continue;
        }
        // No pending list (fastupdate): every search scans the whole list, up to 4 MB of it, which
        // only VACUUM merges (an ANALYZE by hand does not, and PGlite has no autovacuum): a look-up
        // of an account's 100 records in 100k took 5 ms instead of 0.02, and the planner prices
        // that scan into every plan using the index (cost 1,384 instead of 12), so it turns to
        // other plans. A read model is read far more than written; an insert then adds the few
        // keys of its row's arrays to the index directly.
        await tx.query(
          `CREATE INDEX IF NOT EXISTS ${index} ON ${quoteIdent(table)} USING gin (${spec.paths.map(jsonAt).join(', ')})
             WITH (fastupdate = off)`,
        );
        // An index made before with a pending list: off from now on, and its list merged in.
        const { rows: made } = await tx.query<{ off: boolean }>(
          `SELECT coalesce('fastupdate=off' = ANY(reloptions), false) AS off FROM pg_class WHERE oid = $1::regclass`,
          [index],
        );
        if (made[0]?.off) continue;
        await tx.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
        await tx.query('SELECT gin_clean_pending_list($1::regclass)', [index]);
      }
      // The storage the table has, which an existing one kept whatever `options` say.
      return {
        counts: await countsOf(tx, table),
        ordered: await orderedOf(tx, table),
        opaque: stored[0]?.opaque === true,
        pathTypes: types,
      };
    });
    this.known.add(table, known);
  }

  async listCollections(): Promise<string[]> {
    const { rows } = await this.client.query<{ name: string }>(
      `SELECT substr(table_name, 4) AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name LIKE 'rm\\_%'
        ORDER BY table_name`,
    );
    return rows.map((row) => row.name);
  }

  async dropCollection(collection: string): Promise<void> {
    const table = tableOf(collection);
    this.known.forget(table);
    await this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      await tx.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
      await dropCounts(tx, table);
      await dropOrdered(tx, table);
    });
  }

  async refreshStatistics(collections: string[], options: RefreshStatisticsOptions = {}): Promise<void> {
    let tables: string[] = [];
    const countsTables: string[] = [];
    for (const collection of collections) {
      const table = tableOf(collection);
      if (!(await this.known.exists(this.client, table))) continue;
      // Its counts too: a scope's total finds its groups by their indexes, planned on these.
      const counts = this.known.counts(table).map((c) => c.countsTable);
      countsTables.push(...counts);
      tables.push(table, ...counts, ...this.known.ordered(table).map((ordered) => ordered.sideTable));
    }
    if (options.staleOnly && tables.length > 0) {
      // The server counts each table's changed rows since its last ANALYZE (any process's, also
      // autovacuum's; PGlite too, which has no autovacuum), reported a second or so after a write.
      // reltuples is -1 before the first ANALYZE. A counts table's rows change with nearly every
      // write of its documents (a group's `n`), which tells the planner nothing: its filters look
      // at the groups' values. So it is stale once its live rows (groups) differ from those it was
      // last analysed on by as much (groups replaced one for one leave it as it was: its size is
      // right, its values lag). Analysing its groups and their indexes at every check was a
      // quarter of the live projector's refreshes on PGlite (bench/projector-fold-probe.ts).
      const { rows } = await this.client.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class WHERE oid = ANY($1::regclass[])
           AND CASE WHEN oid = ANY($4::regclass[])
             THEN abs(pg_stat_get_live_tuples(oid) - greatest(reltuples, 0))
             ELSE pg_stat_get_mod_since_analyze(oid) END > $2::float8 + $3::float8 * greatest(reltuples, 0)`,
        [tables.map(quoteIdent), STALE_AFTER_ROWS, STALE_AFTER_FRACTION, countsTables.map(quoteIdent)],
      );
      tables = rows.map((row) => row.name);
    }
    // One statement for them all: a generation has about twenty tables, each a round trip otherwise.
    if (tables.length > 0) await this.client.query(`ANALYZE ${tables.map(quoteIdent).join(', ')}`);
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.client.query(`DELETE FROM ${CHECKPOINTS} WHERE projection = $1`, [projection]);
  }

  async close(): Promise<void> {
    this.waits.stop();
    if (this.options.ownsClient !== false) await this.client.close();
  }
}

/**
 * A checkpoint notification's payload: `<projection> <position>`, the checkpoint a commit reached.
 * A bare `<projection>` (as a process of an earlier version sends it) only says that it moved.
 * A process of an earlier version ignores the new form: its waits then learn of the move by
 * polling (waitForCheckpoint re-reads every pollIntervalMs), later but no less exactly.
 */
export function notificationOf(payload: string): { projection: string; reached?: number } {
  const match = /^(.*) (\d{1,16})$/s.exec(payload);
  return match ? { projection: match[1], reached: Number(match[2]) } : { projection: payload };
}

/** Index names are per schema in Postgres, so they carry the table; long ones end in a hash. */
function indexNameOf(table: string, name: string): string {
  return boundedName(`${table}__${name}`);
}

/** The read store in PGlite in this process: dataDir on disk, or undefined for memory. */
export async function openEmbeddedReadStore(
  dataDir?: string,
  options?: SqlReadStoreOptions,
): Promise<SqlReadStore> {
  const client = await PgliteSqlClient.open(dataDir);
  return SqlReadStore.open(client, options).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
}

/** The read store on a PostgreSQL server; `schema` (created if missing) keeps it apart. */
export async function openPostgresReadStore(
  url: string,
  schema?: string,
  options?: SqlReadStoreOptions,
): Promise<SqlReadStore> {
  const client = await PgSqlClient.connect({ connectionString: url, schema });
  return SqlReadStore.open(client, options).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
}
