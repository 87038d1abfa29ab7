// The SQL event store's append wake-ups (watchAppends), run on PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@portal/platform';
import { contractEvent, waitFor } from '../event-store.contract';
import { UpcasterRegistry } from '../upcasters';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { SqlEventStore } from '../sql/sql-event-store';

/** The same client, with a LISTEN that never delivers: only a store's own commits can wake its watchers. */
function withoutNotifications(client: SqlClient): SqlClient {
  return new Proxy(client, {
    get(target, key) {
      if (key === 'listen') return () => Promise.resolve(() => Promise.resolve());
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function sqlAppendWakeupsBehaviour(adapterName: string, connect: () => Promise<SqlClient>): void {
  describe(`SQL event store: ${adapterName}: append wake-ups`, () => {
    let client: SqlClient;
    const prefix = (): string => `wake${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      client = await connect();
    });

    afterAll(async () => {
      await client?.close();
    });

    it('tells its watchers of its own commits, with the position, by the time the append returns', async () => {
      const store = await SqlEventStore.open(withoutNotifications(client), new UpcasterRegistry());
      const woken: Array<number | undefined> = [];
      const unwatch = await store.watchAppends((position) => woken.push(position));
      const p = prefix();
      // One statement (an exact expectation), then a transaction ('any'), then several streams.
      const one = await store.append(`${p}-a`, [contractEvent('A')], 'no-stream');
      expect(woken).toEqual([one.position]);
      const two = await store.append(`${p}-a`, [contractEvent('B'), contractEvent('C')], 'any');
      expect(woken).toEqual([one.position, two.position]);
      const many = await store.appendMany([
        { stream: `${p}-b`, events: [contractEvent('D')], expected: 'no-stream' },
        { stream: `${p}-c`, events: [contractEvent('E')], expected: 'any' },
      ]);
      expect(woken).toEqual([one.position, two.position, Math.max(...many.map((r) => r.position))]);
      // Nothing committed, nobody woken.
      await expect(store.append(`${p}-a`, [contractEvent('F')], 'no-stream')).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      expect(woken).toHaveLength(3);
      await unwatch();
      await store.append(`${p}-d`, [contractEvent('G')], 'no-stream');
      expect(woken).toHaveLength(3);
    });

    it("hands a watcher the position of another instance's append, from its notification", async () => {
      const watching = await SqlEventStore.open(client, new UpcasterRegistry());
      const other = await SqlEventStore.open(client, new UpcasterRegistry());
      const woken: Array<number | undefined> = [];
      const unwatch = await watching.watchAppends((position) => woken.push(position));
      try {
        const done = await other.append(`${prefix()}-a`, [contractEvent('A')], 'no-stream');
        await waitFor(() => woken.includes(done.position));
      } finally {
        await unwatch();
      }
    });
  });
}
