import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { preparedNameOf } from './prepared-statements';
import { SqlClient, SqlQueryable, quoteIdent } from './sql-client';

export interface PgSqlClientOptions {
  connectionString: string;
  /** Every connection's search_path; created if missing. Tests use a random one to stay apart. */
  schema?: string;
  max?: number;
}

/**
 * Settings of every connection. No JIT: the service's statements are short (a page of 20, an
 * append, a batch), and the server compiles a statement's expressions whenever its estimated cost
 * passes jit_above_cost (100,000). A broad list's page statement does at 1M cases (its branch that
 * does not run is costed as a scan of the table), and each list then spent ~35 ms compiling for a
 * page read in 2: the staff Case list's p50 at 1M cases, alternated, 38-41 ms with JIT, 1.8-2.1
 * without.
 */
const SESSION_SETTINGS = ['-c jit=off'];

/** A named (prepared) statement for texts marked with prepared(), a plain one otherwise. */
function statementOf(text: string, values: unknown[]): { text: string; values: unknown[]; name?: string } {
  const name = preparedNameOf(text);
  return name ? { name, text, values } : { text, values };
}

/** A PostgreSQL server through a pg pool. */
export class PgSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private listener: Promise<PoolClient> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  /** Channels LISTENed on the current listener connection. */
  private readonly listening = new Set<string>();

  private constructor(
    private readonly options: PgSqlClientOptions,
    pool: Pool,
  ) {
    this.pool = pool;
    // An idle client that dies (server restart) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  static async connect(options: PgSqlClientOptions): Promise<PgSqlClient> {
    if (options.schema) {
      const bootstrap = new Pool({ connectionString: options.connectionString, max: 1 });
      try {
        await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
      } finally {
        await bootstrap.end();
      }
    }
    const settings = [...(options.schema ? [`-c search_path=${options.schema}`] : []), ...SESSION_SETTINGS];
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      options: settings.join(' '),
    });
    return new PgSqlClient(options, pool);
  }

  async query<Row>(text: string, params: unknown[] = []): Promise<{ rows: Row[]; rowCount: number }> {
    const result = await this.pool.query(statementOf(text, params));
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = {
        query: async <Row>(text: string, params: unknown[] = []) => {
          const result = await client.query(statementOf(text, params));
          return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
        },
        copyFrom: async (table, columns, data) => {
          // COPY's input as a stream of CopyData messages on this transaction's connection. A
          // failed COPY (a duplicate id) rejects here and leaves the connection ready for ROLLBACK.
          const copy = client.query(
            copyFromStdin(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`),
          );
          await pipeline(Readable.from([typeof data === 'string' ? Buffer.from(data, 'utf8') : data]), copy);
        },
      };
      const value = await fn(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    // Concurrent callers share one connection attempt.
    this.listener ??= this.openListener();
    const listener = await this.listener;
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    if (!this.listening.has(channel)) {
      await listener.query(`LISTEN ${quoteIdent(channel)}`);
      this.listening.add(channel);
    }
    set.add(onPayload);
    return async () => {
      set.delete(onPayload);
    };
  }

  private async openListener(): Promise<PoolClient> {
    const opening = this.pool.connect();
    this.listening.clear();
    const listener = await opening.catch((error: unknown) => {
      this.listener = undefined;
      throw error;
    });
    listener.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    let dead = false;
    listener.on('error', (error) => {
      // The LISTEN connection died: hand it back destroyed (pool.end() would wait for it
      // otherwise); the next listen() opens a new one and LISTENs again. Callers also poll.
      if (dead) return;
      dead = true;
      this.listener = undefined;
      this.listening.clear();
      listener.release(error);
    });
    return listener;
  }

  get schema(): string | undefined {
    return this.options.schema;
  }

  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    (await listener?.catch(() => undefined))?.release();
    await this.pool.end();
  }
}
