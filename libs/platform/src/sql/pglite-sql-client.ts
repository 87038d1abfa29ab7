import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { SqlClient, SqlQueryable } from './sql-client';

/**
 * PGlite (Postgres compiled to WASM) in this process. One instance owns a data directory, so the
 * event store and the read store of one process share it: `open` hands out one per directory.
 */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'embedded' as const;
  private static readonly instances = new Map<string, { client: PgliteSqlClient; refs: number }>();

  private constructor(
    private readonly db: PGlite,
    private readonly key: string,
  ) {}

  /** dataDir: a folder on disk, or undefined for an in-memory database (tests). */
  static async open(dataDir?: string): Promise<PgliteSqlClient> {
    const key = dataDir ?? `memory:${Math.random()}`;
    const existing = PgliteSqlClient.instances.get(key);
    if (existing) {
      existing.refs += 1;
      return existing.client;
    }
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    const client = new PgliteSqlClient(db, key);
    PgliteSqlClient.instances.set(key, { client, refs: 1 });
    return client;
  }

  async query<Row>(text: string, params: unknown[] = []): Promise<{ rows: Row[]; rowCount: number }> {
    const result = await this.db.query<Row>(text, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (pgTx) => {
      const tx: SqlQueryable = {
        query: async <Row>(text: string, params: unknown[] = []) => {
          const result = await pgTx.query<Row>(text, params);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        },
      };
      return fn(tx);
    });
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, onPayload);
    return async () => unlisten();
  }

  /** Closes the database once every opener has closed it. */
  async close(): Promise<void> {
    const entry = PgliteSqlClient.instances.get(this.key);
    if (!entry) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    PgliteSqlClient.instances.delete(this.key);
    await this.db.close();
  }
}
