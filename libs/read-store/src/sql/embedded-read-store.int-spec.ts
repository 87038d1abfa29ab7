import { PgliteSqlClient } from '@portal/platform';
import { readStoreContract } from '../read-store.contract';
import { readStoreCountsContract } from '../read-store-counts.contract';
import { readStoreOpaqueContract } from '../read-store-opaque.contract';
import { readStoreTypedContract } from '../read-store-typed.contract';
import { SqlReadStore } from './sql-read-store';

// PGlite in memory: always runs, no server needed. Every store the contract opens shares one
// database, as the projector and the API of one embedded process do.
let client: PgliteSqlClient | undefined;

const open = async (): Promise<SqlReadStore> => {
  client ??= await PgliteSqlClient.open();
  return SqlReadStore.open(client, { ownsClient: false });
};

readStoreContract('SQL on PGlite (embedded)', open);
readStoreCountsContract('SQL on PGlite (embedded)', open);
readStoreOpaqueContract('SQL on PGlite (embedded)', open);
readStoreTypedContract('SQL on PGlite (embedded)', open);

afterAll(async () => {
  await client?.close();
});
