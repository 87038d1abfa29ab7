import type { EventStore } from '@portal/event-store';
import { ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';

/** One dependency's state, the shape of the API's /health checks (structural, so no lib depends on the API). */
export interface ServiceHealthCheck {
  name: string;
  check(): Promise<{ status: 'up' | 'degraded' | 'down'; [detail: string]: unknown }>;
}

/** Both stores answer a read: the event store its head, the read store the served checkpoint. */
export function storeHealthChecks(eventStore: EventStore, readStore: ReadStore): ServiceHealthCheck[] {
  const names = new ReadModelNames(readStore);
  return [
    {
      name: 'eventStore',
      check: async () => ({ status: 'up', headPosition: await eventStore.headPosition() }),
    },
    {
      name: 'readStore',
      check: async () => ({
        status: 'up',
        kind: readStore.kind,
        checkpoint: (await readStore.getCheckpoint(await names.checkpoint())) ?? null,
      }),
    },
  ];
}
