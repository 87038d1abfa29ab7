import { prepared, type SqlClient } from '@portal/platform';
import type { DataKeyOwner, DataKeyStore } from './data-key-store.port';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS privacy_data_keys (
     owner text PRIMARY KEY,
     wrapped text,
     created_at timestamptz NOT NULL DEFAULT now(),
     erased_at timestamptz,
     CHECK ((wrapped IS NULL) = (erased_at IS NOT NULL))
   )`,
  // One row: how many erasures have taken effect (DataKeyStore.getWithErasureCount).
  `CREATE TABLE IF NOT EXISTS privacy_key_erasures (
     one boolean PRIMARY KEY DEFAULT true CHECK (one),
     count bigint NOT NULL
   )`,
  'INSERT INTO privacy_key_erasures (one, count) VALUES (true, 0) ON CONFLICT (one) DO NOTHING',
];

const COUNT_ERASURE = 'UPDATE privacy_key_erasures SET count = count + 1';

/**
 * PGlite runs in this process and no other process can open its directory (PGlite is
 * single-process, see apps/api/src/main.ts), and every store over it shares the one client
 * PgliteSqlClient.open hands out: so every erasure of that database passes through a store here, and
 * a count kept beside the client is exact. Reads then learn the count without a statement. On
 * PostgreSQL other processes erase too, so the count is read from the database.
 */
const inProcessErasures = new WeakMap<SqlClient, { count: number }>();

/** Data keys in the SQL database of the event store (PGlite or PostgreSQL): one row per owner. */
export class SqlDataKeyStore implements DataKeyStore {
  private readonly local: { count: number } | undefined;
  /** On PostgreSQL: the count's one row, for a read on this database to take beside its rows. */
  readonly erasureCountSql: string | undefined;

  private constructor(
    private readonly client: SqlClient,
    private readonly ownsClient: boolean,
  ) {
    if (client.kind === 'embedded') {
      this.local = inProcessErasures.get(client) ?? { count: 0 };
      inProcessErasures.set(client, this.local);
    } else this.erasureCountSql = 'SELECT count FROM privacy_key_erasures';
  }

  static async open(client: SqlClient, options: { ownsClient?: boolean } = {}): Promise<SqlDataKeyStore> {
    for (const statement of SCHEMA) await client.query(statement);
    return new SqlDataKeyStore(client, options.ownsClient ?? true);
  }

  async putIfAbsent(owner: DataKeyOwner, wrapped: string): Promise<string | null> {
    return (await this.putIfAbsentWithErasureCount(owner, wrapped)).wrapped;
  }

  async putIfAbsentWithErasureCount(
    owner: DataKeyOwner,
    wrapped: string,
  ): Promise<{ wrapped: string | null; erasures: number }> {
    // Taken before the key is written or read: it is at least as fresh as the count says.
    const local = this.local?.count;
    // One statement: the row inserted, else the row already there, and the count, in one snapshot.
    const { rows } = await this.client.query<{ erasures: string; found: boolean; wrapped: string | null }>(
      prepared(`WITH inserted AS (
         INSERT INTO privacy_data_keys (owner, wrapped) VALUES ($1, $2)
         ON CONFLICT (owner) DO NOTHING RETURNING wrapped
       ), stored AS (
         SELECT wrapped FROM inserted
         UNION ALL
         SELECT wrapped FROM privacy_data_keys WHERE owner = $1 AND NOT EXISTS (SELECT 1 FROM inserted)
       )
       SELECT e.count::text AS erasures, EXISTS (SELECT 1 FROM stored) AS found,
              (SELECT wrapped FROM stored) AS wrapped
       FROM privacy_key_erasures e`),
      [owner, wrapped],
    );
    const row = rows[0];
    if (row.found) return { wrapped: row.wrapped, erasures: local ?? Number(row.erasures) };
    // A racing insert committed after this statement's snapshot: ON CONFLICT DO NOTHING waited for
    // it, but the snapshot cannot see it. A new statement does.
    const again = await this.getWithErasureCount([owner]);
    const stored = again.keys.get(owner);
    if (stored === undefined) throw new Error('data key vanished between insert and read');
    return { wrapped: stored, erasures: again.erasures };
  }

  async get(owners: readonly DataKeyOwner[]): Promise<Map<DataKeyOwner, string | null>> {
    if (owners.length === 0) return new Map();
    const { rows } = await this.client.query<{ owner: string; wrapped: string | null }>(
      'SELECT owner, wrapped FROM privacy_data_keys WHERE owner = ANY($1::text[])',
      [owners],
    );
    return new Map(rows.map((row) => [row.owner, row.wrapped]));
  }

  async getWithErasureCount(
    owners: readonly DataKeyOwner[],
  ): Promise<{ keys: Map<DataKeyOwner, string | null>; erasures: number }> {
    if (this.local) {
      // Taken before the keys are read: they are at least as fresh as the count says.
      const erasures = this.local.count;
      return { keys: owners.length === 0 ? new Map() : await this.get(owners), erasures };
    }
    // The count's row joined to the keys asked for: one statement, so one snapshot (always a row).
    const { rows } = await this.client.query<{
      erasures: string;
      owner: string | null;
      wrapped: string | null;
    }>(
      `SELECT e.count::text AS erasures, k.owner, k.wrapped
       FROM privacy_key_erasures e
       LEFT JOIN privacy_data_keys k ON k.owner = ANY($1::text[])`,
      [owners],
    );
    const keys = new Map<DataKeyOwner, string | null>();
    for (const row of rows) if (row.owner !== null) keys.set(row.owner, row.wrapped);
    return { keys, erasures: Number(rows[0].erasures) };
  }

  async erase(owners: readonly DataKeyOwner[]): Promise<DataKeyOwner[]> {
    if (owners.length === 0) return [];
    const { rows } = await this.client.query<{ owner: string }>(
      `INSERT INTO privacy_data_keys (owner, wrapped, erased_at)
       SELECT o, NULL, now() FROM unnest($1::text[]) AS o
       ON CONFLICT (owner) DO UPDATE SET wrapped = NULL, erased_at = now()
       WHERE privacy_data_keys.erased_at IS NULL
       RETURNING owner`,
      [[...new Set(owners)]],
    );
    const sub = await this.client.query<{ owner: string }>(
      `UPDATE privacy_data_keys SET wrapped = NULL, erased_at = now()
       WHERE erased_at IS NULL
         AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS o WHERE left(owner, length(o) + 1) = o || '/')
       RETURNING owner`,
      [[...new Set(owners)]],
    );
    // After the keys are gone (each statement commits on its own): a reader that sees the new
    // count also sees them gone.
    await this.countErasure();
    return [...rows, ...sub.rows].map((row) => row.owner);
  }

  async eraseDatedSubKeys(kind: string, before: string): Promise<DataKeyOwner[]> {
    const marker = `/${kind}:`;
    const { rows } = await this.client.query<{ owner: string }>(
      `DELETE FROM privacy_data_keys
       WHERE position($1 IN owner) > 0 AND split_part(owner, $1, 2) < $2
       RETURNING owner`,
      [marker, before],
    );
    if (rows.length > 0) await this.countErasure();
    return rows.map((row) => row.owner);
  }

  private async countErasure(): Promise<void> {
    await this.client.query(COUNT_ERASURE);
    if (this.local) this.local.count += 1;
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }
}
