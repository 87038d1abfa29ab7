// The stores the privacy probes (privacy-read-probe.ts, privacy-append-probe.ts) run on, as the
// service opens them: PGlite in memory with the keys in the same database, PostgreSQL in a
// throwaway schema with the keys on a pool of their own; the layer over the plain adapter.
// PROBE_STORES=embedded,postgres picks the stores; PROBE_OPENED_BYTES sets the ring's maxOpenedBytes;
// PROBE_COUNT_BESIDE=off reads the erasure count in a statement of its own, as before.
import { randomUUID } from 'node:crypto';
import {
  DataKeyRing,
  masterKeyFrom,
  PersonalDataEventStore,
  SqlDataKeyStore,
  SqlEventStore,
} from '@portal/event-store';
import { dropSchema, PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { domainPersonalDataPolicy } from '../libs/runtime/src/personal-data-policy';

export type StoreProbe = (
  name: string,
  stored: SqlEventStore,
  layer: PersonalDataEventStore,
) => Promise<void>;

export const median = (xs: number[]): number =>
  xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function withLayer(
  name: string,
  client: SqlClient,
  keyClient: SqlClient,
  probe: StoreProbe,
): Promise<void> {
  const stored = await SqlEventStore.open(client);
  const keys = await SqlDataKeyStore.open(keyClient, { ownsClient: false });
  const layer = new PersonalDataEventStore(
    stored,
    new DataKeyRing(keys, masterKeyFrom('probe'), {
      ...(process.env.PROBE_OPENED_BYTES && { maxOpenedBytes: Number(process.env.PROBE_OPENED_BYTES) }),
    }),
    domainPersonalDataPolicy,
    undefined,
    // As the service wires it: the keys in the event store's database and schema.
    { keysInStoredDatabase: process.env.PROBE_COUNT_BESIDE !== 'off' },
  );
  await probe(name, stored, layer);
  await stored.close();
}

/** Runs `probe` on each store asked for, then exits the process (1 on an error). */
export function runOnProbeStores(probe: StoreProbe): void {
  void onStores(probe).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

async function onStores(probe: StoreProbe): Promise<void> {
  const which = process.env.PROBE_STORES ?? 'embedded,postgres';
  if (which.includes('embedded')) {
    const client = await PgliteSqlClient.open();
    await withLayer('embedded', client, client, probe);
  }
  if (which.includes('postgres')) {
    const url = process.env.PG_URL!;
    const schema = `probe_${randomUUID().slice(0, 8)}`;
    const client = await PgSqlClient.connect({ connectionString: url, schema });
    const keyClient = await PgSqlClient.connect({ connectionString: url, schema, max: 4 });
    try {
      await withLayer('postgres', client, keyClient, probe);
    } finally {
      await keyClient.close();
      await dropSchema(url, schema);
    }
  }
}
