import { Pool, PoolClient } from 'pg';
import { SqlClient, SqlQueryable, quoteIdent } from './sql-client';

export interface PgSqlClientOptions {
  connectionString: string;
  /** Every connection's search_path; created if missing. Tests use a random one to stay apart. */
  schema?: string;
  max?: number;
}

/** A PostgreSQL server through a pg pool. */
export class PgSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private listener: PoolClient | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();

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
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    return new PgSqlClient(options, pool);
  }

  async query<Row>(text: string, params: unknown[] = []): Promise<{ rows: Row[]; rowCount: number }> {
    const result = await this.pool.query(text, params);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = {
        query: async <Row>(text: string, params: unknown[] = []) => {
          const result = await client.query(text, params);
          return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
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
    if (!this.listener) {
      this.listener = await this.pool.connect();
      this.listener.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      this.listener.on('error', () => {
        // The LISTEN connection died: drop it; the next listen() opens a new one. Callers also poll.
        this.listener = undefined;
      });
    }
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.listener.query(`LISTEN ${quoteIdent(channel)}`);
    }
    set.add(onPayload);
    return async () => {
      set.delete(onPayload);
    };
  }

  get schema(): string | undefined {
    return this.options.schema;
  }

  async close(): Promise<void> {
    this.listener?.release();
    this.listener = undefined;
    await this.pool.end();
  }
}
