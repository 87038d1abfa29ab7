import { UnavailableError } from '@eventstore/db-client';
import { createServer } from 'node:net';
import { contractEvent, waitFor } from '../event-store.contract';
import { UpcasterRegistry } from '../upcasters';
import { EsdbEventStore } from './esdb-event-store';

// No EventStoreDB needed: a real client against a loopback port nobody listens on shows how the
// adapter behaves while the server is down.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('eventstoredb event store while the server is unreachable', () => {
  let store: EsdbEventStore;
  const drops: { error: unknown; attempt: number }[] = [];

  beforeAll(async () => {
    const port = await closedPort();
    store = EsdbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`, new UpcasterRegistry(), {
      reconnectDelayMs: 20,
      maxReconnectDelayMs: 100,
      onDropped: (error, attempt) => drops.push({ error, attempt }),
    });
  });

  afterAll(async () => {
    await store.close();
  });

  it('fails reads and appends with a connection error instead of answering as if streams were empty', async () => {
    await expect(store.readStream('case-1')).rejects.toBeInstanceOf(UnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(UnavailableError);
    await expect(store.append('case-1', [contractEvent('CaseRaised')], 'no-stream')).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });

  it("fails filtered reads and 'any' appends (which read first) with a connection error too", async () => {
    await expect(store.readAll({ filter: { eventTypes: ['CaseRaised'] } })).rejects.toBeInstanceOf(
      UnavailableError,
    );
    await expect(store.append('case-1', [contractEvent('CaseRaised')], 'any')).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });

  it('keeps resubscribing from its checkpoint, and stop() ends the attempts', async () => {
    drops.length = 0;
    const handled: unknown[] = [];
    const subscription = store.subscribe({ after: 1234 }, (event) => {
      handled.push(event);
    });

    await waitFor(() => drops.length >= 3);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();

    expect(drops.map((d) => d.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    expect(drops.every((d) => d.error instanceof UnavailableError)).toBe(true);
    expect(handled).toEqual([]);
    expect(subscription.position).toBe(1234);
  });
});

describe('eventstoredb event store closing', () => {
  it('stops its running subscriptions when it is closed', async () => {
    const port = await closedPort();
    const drops: unknown[] = [];
    const store = EsdbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`, new UpcasterRegistry(), {
      reconnectDelayMs: 20,
      onDropped: (error) => drops.push(error),
    });
    const subscription = store.subscribe({}, () => undefined);
    await waitFor(() => drops.length >= 1);

    await store.close();

    await expect(subscription.done).resolves.toBeUndefined();
  });
});
