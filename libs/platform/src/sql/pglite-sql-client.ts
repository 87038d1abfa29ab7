import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  DEFAULT_PGLITE_MEMORY,
  initialiseDataDirInChild,
  pgliteStartParams,
  type PgliteMemorySettings,
} from './pglite-memory';
import { memoryTemplate } from './pglite-memory-template';
import { PglitePreparedStatements } from './pglite-prepared-statements';
import { preparedNameOf } from './prepared-statements';
import { isCachedRead, isReadOnly } from './statement-marks';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { ReadResultCache } from './read-result-cache';
import { quoteIdent, SqlClient, SqlQueryable } from './sql-client';

type QueryResult<Row> = { rows: Row[]; rowCount: number };

/** A COPY's input, in PGlite's in-memory /tmp (not the data directory), while the COPY runs. */
const COPY_INPUT_FILE = '/tmp/copy-input';

/**
 * PGlite (Postgres compiled to WASM) in this process. One instance owns a data directory, so the
 * event store and the read store of one process share it: `open` hands out one per directory.
 *
 * It keeps the results of reads marked cachedRead() and answers them again without PGlite while
 * nothing that may write has run: every statement of this database goes through this one object
 * (the directory's lock keeps other processes out, lockDataDir; in memory it is this process's
 * alone), and every statement not marked cachedRead() or readOnly(), and every transaction, ends
 * the validity of all kept results when it is called and again when it ends (ReadResultCache). A
 * read kept is one during which none was called or under way, so it saw every write called before
 * it and none after: a kept result is exactly what running the read now would answer. LISTEN
 * (listen) changes no table and does not count.
 */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'embedded' as const;
  private static readonly instances = new Map<string, { client: Promise<PgliteSqlClient>; refs: number }>();
  /** Closes under way, by directory: a new instance of it waits for the old one to let go. */
  private static readonly closing = new Map<string, Promise<void>>();
  /** For measurements alone (bench/pglite-prepared-probe.ts): false sends every text unnamed. */
  static namedStatements = process.env.PGLITE_NAMED_STATEMENTS !== 'off';
  private readonly cache = new ReadResultCache<QueryResult<unknown>>();
  private keeping = true;
  private readonly named: PglitePreparedStatements;
  /** Per channel: the handlers of this client's listen() calls, and its one LISTEN. */
  private readonly channels = new Map<
    string,
    { handlers: Set<(payload: string) => void>; listening: Promise<unknown> }
  >();

  private constructor(
    private readonly db: PGlite,
    private readonly key: string,
    private readonly lock?: DataDirLock,
  ) {
    this.named = new PglitePreparedStatements(db);
  }

  /**
   * dataDir: a folder on disk, or undefined for an in-memory database (tests). The first opener of
   * a directory starts the instance, with its memory settings; later openers share it.
   */
  static async open(
    dataDir?: string,
    memory: PgliteMemorySettings = DEFAULT_PGLITE_MEMORY,
  ): Promise<PgliteSqlClient> {
    const key = dataDir ?? `memory:${Math.random()}`;
    const existing = PgliteSqlClient.instances.get(key);
    if (existing) {
      existing.refs += 1;
      return existing.client;
    }
    // Registered before the first await: openers arriving meanwhile share this instance.
    const client = PgliteSqlClient.start(key, dataDir, memory);
    PgliteSqlClient.instances.set(key, { client, refs: 1 });
    return client.catch((error: unknown) => {
      PgliteSqlClient.instances.delete(key);
      throw error;
    });
  }

  private static async start(
    key: string,
    dataDir: string | undefined,
    memory: PgliteMemorySettings,
  ): Promise<PgliteSqlClient> {
    const options = { startParams: pgliteStartParams(PGlite.defaultStartParams, memory) };
    if (!dataDir)
      return new PgliteSqlClient(
        await PGlite.create({ ...options, loadDataDir: await memoryTemplate() }),
        key,
      );
    await PgliteSqlClient.closing.get(key);
    mkdirSync(dataDir, { recursive: true });
    const lock = lockDataDir(dataDir);
    try {
      await initialiseDataDirInChild(dataDir, require.resolve('@electric-sql/pglite'));
      return new PgliteSqlClient(await PGlite.create(dataDir, options), key, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async query<Row>(text: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    // Changes nothing: what is kept stays what the database holds.
    if (isReadOnly(text) || (!this.keeping && isCachedRead(text))) return this.run<Row>(text, params);
    if (!isCachedRead(text)) {
      this.cache.invalidate();
      try {
        return await this.run<Row>(text, params);
      } finally {
        this.cache.invalidate();
      }
    }
    const key = this.cache.keyOf(text, params);
    if (key === undefined) return this.run<Row>(text, params);
    const kept = this.cache.get(key);
    if (kept) return kept as QueryResult<Row>;
    const startedAt = this.cache.current;
    return this.cache.keep(key, startedAt, await this.run<Row>(text, params)) as QueryResult<Row>;
  }

  /**
   * For measurements alone: with `false`, reads marked cachedRead() all go to PGlite (and nothing
   * is kept), so the bench can put the store's own cost beside the kept one on one database.
   */
  keepReads(on: boolean): void {
    this.keeping = on;
    this.cache.invalidate();
  }

  /** A statement sent to PGlite (what the bench counts: a kept result answered is none). */
  private async run<Row>(text: string, params: unknown[]): Promise<QueryResult<Row>> {
    const name = PgliteSqlClient.namedStatements ? preparedNameOf(text) : undefined;
    if (name !== undefined) return this.named.run<Row>(name, text, params);
    const result = await this.db.query<Row>(text, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    this.cache.invalidate();
    try {
      return await this.runTransaction(fn);
    } finally {
      this.cache.invalidate();
    }
  }

  private async runTransaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    // Reads inside are never kept (they see the transaction's own writes before its commit).
    return this.db.transaction(async (pgTx) => {
      // One COPY at a time through the one input file (a transaction's statements run in turn anyway).
      let copying: Promise<unknown> = Promise.resolve();
      const tx: SqlQueryable = {
        query: async <Row>(text: string, params: unknown[] = []) => {
          const result = await pgTx.query<Row>(text, params);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        },
        copyFrom: (table, columns, data) => {
          const copied = copying.then(() => this.copyThroughFile(pgTx, table, columns, data));
          copying = copied.catch(() => undefined);
          return copied;
        },
      };
      return fn(tx);
    });
  }

  /**
   * COPY from a file in PGlite's in-memory file system, not from `/dev/blob`: PGlite turns a blob
   * into an ArrayBuffer first (Blob.arrayBuffer, in chunks) and its blob device hands the bytes
   * to Postgres one at a time in a JavaScript loop, where the in-memory file is one buffer copied
   * by `set`. About 5 µs of CPU less per document of ~800 bytes into a jsonb table (2.5 into a
   * text one), two documents per event in a replay (README, issue 14).
   */
  private async copyThroughFile(
    pgTx: Transaction,
    table: string,
    columns: readonly string[],
    data: string | Uint8Array,
  ): Promise<void> {
    const fs = this.db.Module.FS;
    // Bytes: the file system's own encoding of a string is a JavaScript loop.
    fs.writeFile(COPY_INPUT_FILE, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    try {
      await pgTx.query(
        `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '${COPY_INPUT_FILE}'`,
      );
    } finally {
      fs.unlink(COPY_INPUT_FILE);
    }
  }

  /**
   * One LISTEN per channel for the life of the database, its notifications handed to every handler
   * in this process: PGlite runs a LISTEN for each of its own listen() calls and an UNLISTEN when a
   * channel's last one goes, two statements in the queue of the one database for every
   * read-your-writes wait, which waits behind them.
   */
  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let entry = this.channels.get(channel);
    if (!entry) {
      const handlers = new Set<(payload: string) => void>();
      const listening = this.db.listen(channel, (payload) => handlers.forEach((handler) => handler(payload)));
      const created = { handlers, listening };
      entry = created;
      this.channels.set(channel, created);
      // A LISTEN that failed is tried again by the next caller.
      listening.catch(() => {
        if (this.channels.get(channel) === created) this.channels.delete(channel);
      });
    }
    await entry.listening;
    const { handlers } = entry;
    handlers.add(onPayload);
    return async () => {
      handlers.delete(onPayload);
    };
  }

  /** Closes the database once every opener has closed it. */
  async close(): Promise<void> {
    const entry = PgliteSqlClient.instances.get(this.key);
    if (!entry) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    PgliteSqlClient.instances.delete(this.key);
    this.cache.invalidate();
    const closed = this.db.close().finally(() => this.lock?.release());
    const settled = closed.catch(() => undefined);
    PgliteSqlClient.closing.set(this.key, settled);
    try {
      await closed;
    } finally {
      if (PgliteSqlClient.closing.get(this.key) === settled) PgliteSqlClient.closing.delete(this.key);
    }
  }
}
