import {
  RESERVATION_BLINDING_PURPOSE,
  reservationStream,
  reservationStreamFor,
  type ReservationKind,
} from '@portal/domain';
import {
  embeddedDatabaseDir,
  migratePersonalData,
  SqlEventStore,
  type PersonalDataMigrationOptions,
  type PersonalDataMigrationReport,
} from '@portal/event-store';
import {
  deriveKey,
  PgliteSqlClient,
  PgSqlClient,
  type ServiceConfig,
  type SqlClient,
} from '@portal/platform';
import { withPersonalDataProtection } from './personal-data-layer';
import { createUpcasterRegistry } from './upcaster-registry';

const BLINDED: ReservationKind = 'portalUserEmail';
const LEGACY_PREFIX = reservationStream(BLINDED, '');

/**
 * `npm run privacy:migrate` on an SQL event store the client reaches: encrypts the personal values
 * of events written before the privacy layer, and renames the email reservation streams named by
 * the address to their blinded names. The service should be stopped meanwhile (no appends race it).
 */
export async function migratePersonalDataOn(
  client: SqlClient,
  dataKey: string,
  options: Pick<PersonalDataMigrationOptions, 'batchSize' | 'onProgress'> = {},
): Promise<PersonalDataMigrationReport> {
  const adapter = await SqlEventStore.open(client, createUpcasterRegistry());
  const layer = await withPersonalDataProtection(adapter, {
    eventStore: 'embedded',
    readStore: 'embedded',
    dataDir: '',
    dataKey,
    sharedClient: client,
  });
  if (!layer) throw new Error('the privacy layer needs an SQL database for its keys');
  const blindingKey = deriveKey(dataKey, RESERVATION_BLINDING_PURPOSE);
  return migratePersonalData(client, layer, {
    ...options,
    renamePrefixes: [LEGACY_PREFIX],
    renameStream: (stream, first) => {
      const value = first.data.value;
      if (typeof value !== 'string' || value === '[erased]') return null;
      const blinded = reservationStreamFor(BLINDED, value, blindingKey);
      return blinded === stream ? null : blinded;
    },
  });
}

/** The same on the stores a service config names (EVENT_STORE embedded or postgres://). */
export async function migratePersonalDataOf(
  config: Pick<ServiceConfig, 'eventStore' | 'dataDir' | 'dataKey'>,
  options: Pick<PersonalDataMigrationOptions, 'batchSize' | 'onProgress'> & { schema?: string } = {},
): Promise<PersonalDataMigrationReport> {
  if (!config.dataKey) throw new Error('DATA_KEY (or DATA_DIR/data-key) is needed');
  let client: SqlClient;
  if (config.eventStore === 'embedded')
    client = await PgliteSqlClient.open(embeddedDatabaseDir(config.dataDir));
  else if (/^postgres(ql)?:\/\//.test(config.eventStore))
    client = await PgSqlClient.connect({ connectionString: config.eventStore, schema: options.schema });
  else
    throw new Error(
      'privacy:migrate rewrites events in place on the SQL event store only; EventStoreDB events are immutable (see README)',
    );
  try {
    return await migratePersonalDataOn(client, config.dataKey, options);
  } finally {
    await client.close();
  }
}
