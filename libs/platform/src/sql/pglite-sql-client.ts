import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import {
  DEFAULT_PGLITE_MEMORY,
  initialiseDataDirInChild,
  pgliteStartParams,
  type PgliteMemorySettings,
} from './pglite-memory';
import { memoryTemplate } from './pglite-memory-template';
import { quoteIdent, SqlClient, SqlQueryable } from './sql-client';

/**
 * PGlite (Postgres compiled to WASM) in this process. One instance owns a data directory, so the
 * event store and the read store of one process share it: `open` hands out one per directory.
 */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'embedded' as const;
  private static readonly instances = new Map<string, { client: Promise<PgliteSqlClient>; refs: number }>();

  private constructor(
    private readonly db: PGlite,
    private readonly key: string,
  ) {}

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
    mkdirSync(dataDir, { recursive: true });
    await initialiseDataDirInChild(dataDir, require.resolve('@electric-sql/pglite'));
    return new PgliteSqlClient(await PGlite.create(dataDir, options), key);
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
        copyFrom: async (table, columns, data) => {
          // PGlite reads a COPY's input from the blob given with the statement, as /dev/blob.
          await pgTx.query(
            `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob'`,
            [],
            {
              blob: new Blob([data]),
            },
          );
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
