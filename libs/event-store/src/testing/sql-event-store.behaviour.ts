// Behaviour of the SQL adapter beyond the shared contract, run on PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@portal/platform';
import { contractEvent, waitFor } from '../event-store.contract';
import type { RecordedEvent, Subscription } from '../event-store.port';
import { UnknownEventVersion, UpcasterRegistry } from '../upcasters';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { EventIdConflict } from '../event-id-conflict.error';
import { migrateEventStoreSchema } from '../sql/event-store-schema';
import { SqlEventStore } from '../sql/sql-event-store';

export function sqlEventStoreBehaviour(adapterName: string, connect: () => Promise<SqlClient>): void {
  describe(`SQL event store: ${adapterName}`, () => {
    let client: SqlClient;
    let store: SqlEventStore;
    const subscriptions: Subscription[] = [];
    const prefix = (): string => `sql${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      client = await connect();
      store = await SqlEventStore.open(client, new UpcasterRegistry());
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
    });

    afterAll(async () => {
      await store?.close();
    });

    it('appends to several streams in one transaction: all or none, and a repeated batch is a no-op', async () => {
      const p = prefix();
      const [a1, b1, c1] = [contractEvent('A'), contractEvent('B'), contractEvent('C')];
      await store.append(`${p}-c`, [c1], 'no-stream');
      const head = await store.headPosition();
      // c expects no stream: the whole batch fails and a and b stay unwritten.
      await expect(
        store.appendMany([
          { stream: `${p}-a`, events: [a1], expected: 'any' },
          { stream: `${p}-c`, events: [contractEvent('C2')], expected: 'no-stream' },
        ]),
      ).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(`${p}-a`)).toEqual([]);

      const batch = [
        { stream: `${p}-b`, events: [b1], expected: 'any' as const },
        { stream: `${p}-a`, events: [a1], expected: 'no-stream' as const },
      ];
      const results = await store.appendMany(batch);
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([0, 0]);
      expect(results[0]!.position).toBeGreaterThan(head);
      const again = await store.appendMany([{ ...batch[0]! }, { ...batch[1]!, expected: 'any' }]);
      expect(again).toEqual(results);
      expect((await store.readStream(`${p}-a`)).map((e) => e.id)).toEqual([a1.id]);
      expect((await store.readStream(`${p}-b`)).map((e) => e.id)).toEqual([b1.id]);
      expect(await store.headPosition()).toBe(head + 2);
    });

    it("appends a batch of 'any' appends to new and existing streams in order, and a repeat is a no-op", async () => {
      const p = prefix();
      await store.append(`${p}-old`, [contractEvent('Old0')], 'no-stream');
      const head = await store.headPosition();
      const [n0, n1, o1] = [contractEvent('New0'), contractEvent('New1'), contractEvent('Old1')];
      const batch = [
        { stream: `${p}-new`, events: [n0, n1], expected: 'any' as const },
        { stream: `${p}-old`, events: [o1], expected: 'any' as const },
      ];
      const results = await store.appendMany(batch);
      expect(results).toEqual([
        { nextExpectedRevision: 1, position: head + 2 },
        { nextExpectedRevision: 1, position: head + 3 },
      ]);
      const [fresh, old] = await store.readStreams([{ stream: `${p}-new` }, { stream: `${p}-old` }]);
      expect(fresh!.map((e) => [e.id, e.revision, e.position])).toEqual([
        [n0.id, 0, head + 1],
        [n1.id, 1, head + 2],
      ]);
      expect(old!.map((e) => [e.type, e.revision, e.position])).toEqual([
        ['Old0', 0, head],
        ['Old1', 1, head + 3],
      ]);
      expect(await store.appendMany(batch)).toEqual(results);
      expect(await store.headPosition()).toBe(head + 3);
      expect(await store.append(`${p}-new`, [contractEvent('New2')], 1)).toEqual({
        nextExpectedRevision: 2,
        position: head + 4,
      });
    });

    it('hands out events no other read holds (returnsUnsharedEvents): changing one read changes no other', async () => {
      const p = prefix();
      const event = contractEvent('Kept');
      event.data = { nested: { value: 'as stored' }, list: ['as stored'] };
      await store.append(`${p}-s`, [event], 'no-stream');
      expect(store.returnsUnsharedEvents).toBe(true);
      const subscription = (): Promise<RecordedEvent> =>
        new Promise((resolve) => {
          const s = store.subscribe({ filter: { streamPrefixes: [p] } }, (e) => resolve(e));
          subscriptions.push(s);
        });
      const reads = [
        () => store.readStream(`${p}-s`).then((events) => events[0]!),
        () => store.readAll({ filter: { streamPrefixes: [p] } }).then((events) => events[0]!),
        () => store.readStreams([{ stream: `${p}-s` }]).then((lists) => lists[0]![0]!),
        subscription,
      ];
      for (const read of reads) {
        const first = await read();
        (first.data.nested as { value: string }).value = 'changed';
        (first.data.list as string[])[0] = 'changed';
        first.metadata.correlationId = 'changed';
        for (const again of reads) {
          const other = await again();
          expect([other.data, other.metadata.correlationId]).toEqual([
            event.data,
            event.metadata.correlationId,
          ]);
        }
      }
    });

    it('reads a page or a stream and a scalar query beside it in one statement, as readAll and readStream read them', async () => {
      const p = prefix();
      await store.append(`${p}-a`, [contractEvent('A0'), contractEvent('A1')], 'no-stream');
      await store.append(`${p}-b`, [contractEvent('B0')], 'no-stream');
      const head = `SELECT position FROM es_head WHERE id = 1`;
      const statements: string[] = [];
      const query = client.query.bind(client);
      const spied = Object.create(client) as SqlClient;
      spied.query = (text, params) => (statements.push(text), query(text, params));
      const watched = await SqlEventStore.open(spied, new UpcasterRegistry());
      statements.length = 0;
      for (const options of [
        { filter: { streamPrefixes: [p] } },
        { filter: { streamPrefixes: [p] }, limit: 2 },
        { filter: { streamPrefixes: [`${p}-b`] } },
        { filter: { streamPrefixes: [p], eventTypes: ['A1', 'B0'] }, limit: 1 },
      ]) {
        const read = await watched.readAllBeside(options, head);
        expect(read.events).toEqual(await store.readAll(options));
        expect(read.beside).toBe(String(await store.headPosition()));
      }
      for (const options of [{}, { from: 1 }, { limit: 1 }, { direction: 'backwards' as const, from: 0 }]) {
        const read = await watched.readStreamBeside(`${p}-a`, options, head);
        expect(read.events).toEqual(await store.readStream(`${p}-a`, options));
        expect(read.beside).toBe(String(await store.headPosition()));
      }
      expect(statements).toHaveLength(8);
      expect(await store.readStreamBeside(`${p}-missing`, {}, head)).toEqual({ events: [], beside: null });
      const after = await store.headPosition();
      expect(await store.readAllBeside({ after, filter: { streamPrefixes: [p] } }, head)).toEqual({
        events: [],
        beside: null,
      });
    });

    it('reads several streams in one call, each range like readStream, in the order asked', async () => {
      const p = prefix();
      const [a0, a1, a2, b0] = [
        contractEvent('A0'),
        contractEvent('A1'),
        contractEvent('A2'),
        contractEvent('B0'),
      ];
      await store.append(`${p}-a`, [a0, a1, a2], 'no-stream');
      await store.append(`${p}-b`, [b0], 'no-stream');
      const read = await store.readStreams([
        { stream: `${p}-b` },
        { stream: `${p}-a`, from: 1, to: 1 },
        { stream: `${p}-missing` },
        { stream: `${p}-a`, from: 1 },
        { stream: `${p}-a` },
      ]);
      const ids = read.map((events) => events.map((e) => e.id));
      expect(ids).toEqual([[b0.id], [a1.id], [], [a1.id, a2.id], [a0.id, a1.id, a2.id]]);
      expect(read[4]).toEqual(await store.readStream(`${p}-a`));
      expect(await store.readStreams([])).toEqual([]);
    });

    it('keeps commit order equal to position order when an earlier append commits late', async () => {
      const p = prefix();
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe({ filter: { streamPrefixes: [p] } }, (e) => {
        seen.push(e);
      });
      subscriptions.push(subscription);
      await subscription.caughtUp;
      const late = contractEvent('CommittedLate');
      const early = contractEvent('CommittedEarly');
      let appendedInA!: () => void;
      const aAppended = new Promise<void>((resolve) => (appendedInA = resolve));
      let commitA!: () => void;
      const aMayCommit = new Promise<void>((resolve) => (commitA = resolve));

      const a = client.transaction(async (tx) => {
        await store.appendInTransaction(tx, `${p}-a`, [late], 'no-stream');
        appendedInA();
        await aMayCommit;
      });
      await aAppended;
      const b = store.append(`${p}-b`, [early], 'no-stream');
      // Give B every chance to commit first and the subscriber to poll, as a plain sequence would allow.
      await new Promise((resolve) => setTimeout(resolve, 400));
      commitA();
      await Promise.all([a, b]);
      await waitFor(() => seen.length >= 2);

      expect(seen.map((e) => e.id)).toEqual([late.id, early.id]);
      expect(seen[1].position).toBeGreaterThan(seen[0].position);
      expect(seen).toEqual(await store.readAll({ filter: { streamPrefixes: [p] } }));
    });

    it('rejects ids stored in another stream or repeated in one append, writing nothing', async () => {
      const p = prefix();
      const taken = contractEvent('Taken');
      await store.append(`${p}-one`, [taken], 'no-stream');
      const head = await store.headPosition();

      await expect(store.append(`${p}-two`, [taken], 'no-stream')).rejects.toBeInstanceOf(EventIdConflict);
      await expect(store.append(`${p}-two`, [taken], 'any')).rejects.toThrow(/is in stream/);
      const twice = contractEvent('Twice');
      await expect(store.append(`${p}-two`, [twice, twice], 'no-stream')).rejects.toBeInstanceOf(
        EventIdConflict,
      );
      const fresh = contractEvent('Fresh');
      await expect(store.append(`${p}-one`, [fresh, taken], 0)).rejects.toBeInstanceOf(EventIdConflict);

      expect(await store.readAll({ filter: { streamPrefixes: [p] } })).toHaveLength(1);
      expect(await store.readStream(`${p}-two`)).toEqual([]);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(head);
    });

    it('reports a stored batch replayed at another revision as a wrong expected revision', async () => {
      const stream = `${prefix()}-moved`;
      const batch = [contractEvent('A'), contractEvent('B')];
      await store.append(stream, batch, 'no-stream');

      const error = await store.append(stream, batch, 5).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect((error as WrongExpectedRevision).actual).toBe(1);
    });

    it('gives two identical parallel appends creating a stream the same result', async () => {
      const stream = `${prefix()}-created`;
      const batch = [contractEvent('Created'), contractEvent('Named')];

      const results = await Promise.all([
        store.append(stream, batch, 'no-stream'),
        store.append(stream, batch, 'no-stream'),
      ]);

      expect(results[0]).toEqual(results[1]);
      expect((await store.readStream(stream)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
    });

    it('checks the expected revision on an empty append and reports a missing stream as -1', async () => {
      const stream = `${prefix()}-empty`;
      expect(await store.append(stream, [], 'any')).toEqual({ nextExpectedRevision: -1, position: -1 });
      expect(await store.append(stream, [], 'no-stream')).toEqual({ nextExpectedRevision: -1, position: -1 });
      const written = await store.append(stream, [contractEvent('A')], 'no-stream');
      expect(await store.append(stream, [], 0)).toEqual(written);
      await expect(store.append(stream, [], 3)).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(`${stream}-none`, [], 'stream-exists')).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
    });

    it('migrates idempotently and reports the head position', async () => {
      const written = await store.append(
        `${prefix()}-head`,
        [contractEvent('A'), contractEvent('B')],
        'no-stream',
      );
      await migrateEventStoreSchema(client);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(written.position);
      expect(await store.readStream(`${prefix()}-absent`)).toEqual([]);
    });

    it('fails reads and stops subscriptions on an event version no upcaster can read', async () => {
      const p = prefix();
      const future = { ...contractEvent(`Future${randomUUID().slice(0, 8)}`), version: 3 };
      await store.append(`${p}-a`, [contractEvent('Fine'), future], 'no-stream');

      await expect(store.readStream(`${p}-a`)).rejects.toBeInstanceOf(UnknownEventVersion);
      const seen: string[] = [];
      const subscription = store.subscribe({ filter: { streamPrefixes: [p] } }, (e) => {
        seen.push(e.type);
      });
      subscriptions.push(subscription);
      await expect(subscription.done).rejects.toBeInstanceOf(UnknownEventVersion);
      expect(seen).toEqual(['Fine']);
    });
  });
}
