import { eventStoreContract } from '../event-store.contract';
import { UpcasterRegistry } from '../upcasters';
import { EsdbEventStore } from './esdb-event-store';

// Needs a running EventStoreDB (22.6 or newer), e.g. ESDB_URL=esdb://127.0.0.1:2113?tls=false with the
// eventstore service of docker-compose.yml. The contract writes under random stream names, so a
// long-lived server is fine.
const url = process.env.ESDB_URL;

if (url) {
  const upcasters = new UpcasterRegistry();
  eventStoreContract('eventstoredb', async () => EsdbEventStore.connect(url, upcasters), { upcasters });
} else {
  console.warn('EventStoreDB event store contract skipped: ESDB_URL is not set');
  describe.skip('eventstoredb event store (skipped: ESDB_URL not set)', () => {
    it('runs the event store contract against EventStoreDB', () => undefined);
  });
}
