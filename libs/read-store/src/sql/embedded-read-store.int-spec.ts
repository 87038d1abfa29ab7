import { PgliteSqlClient } from '@portal/platform';
import { readStoreContract } from '../read-store.contract';
import { SqlReadStore } from './sql-read-store';

// PGlite in memory: always runs, no server needed. Every store the contract opens shares one
// database, as the projector and the API of one embedded process do.
let client: PgliteSqlClient | undefined;

readStoreContract('SQL on PGlite (embedded)', async () => {
  client ??= await PgliteSqlClient.open();
  return SqlReadStore.open(client, { ownsClient: false });
});

afterAll(async () => {
  await client?.close();
});
