import { randomBytes } from 'node:crypto';
import { dropSchema } from '@portal/platform';
import { openServiceStores, type ServiceStores } from '@portal/runtime';

export type TestStoreKind = 'embedded' | 'postgres';

/** The store kinds to run against: embedded always, Postgres when PG_URL is set. */
export function testStoreKinds(): TestStoreKind[] {
  return process.env.PG_URL ? ['embedded', 'postgres'] : ['embedded'];
}

export interface TestStores extends ServiceStores {
  /** Closes the stores and drops the Postgres schema. */
  dispose(): Promise<void>;
}

/** Fresh stores: PGlite in memory, or a random schema on PG_URL (dropped by dispose). */
export async function openTestStores(kind: TestStoreKind): Promise<TestStores> {
  if (kind === 'embedded') {
    const stores = await openServiceStores(
      { eventStore: 'embedded', readStore: 'embedded', dataDir: '' },
      { inMemory: true },
    );
    return { ...stores, dispose: () => stores.close() };
  }
  const url = process.env.PG_URL!;
  const schema = `projector_${randomBytes(6).toString('hex')}`;
  const stores = await openServiceStores({ eventStore: url, readStore: url, dataDir: '' }, { schema });
  return {
    ...stores,
    dispose: async () => {
      await stores.close();
      await dropSchema(url, schema);
    },
  };
}

export { dropSchema };
