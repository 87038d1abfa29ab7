// The behaviour every event store adapter must have, written once and run by each adapter's spec.
// Adapters may run it against a long-lived server: every test writes to streams under a random
// prefix and reads the global log filtered by that prefix, never assuming an empty store.
import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent, Subscription } from './event-store.port';
import { UpcasterRegistry } from './upcasters';
import { WrongExpectedRevision } from './wrong-expected-revision.error';

export interface EventStoreContractOptions {
  /** The registry `open` gave the store: the upcasting tests register upcasters of their own types on it. */
  upcasters?: UpcasterRegistry;
}

export function eventStoreContract(
  adapterName: string,
  open: () => Promise<EventStore>,
  opts: EventStoreContractOptions = {},
): void {
  describe(`event store contract: ${adapterName}`, () => {
    // Subscriptions and servers take their time; jest ignores a project's testTimeout.
    jest.setTimeout(60_000);
    let store: EventStore;
    const runPrefix = `contract${randomUUID().slice(0, 8)}`;
    const subscriptions: Subscription[] = [];

    /** A stream name (and prefix) used by one test only. */
    const uniqueName = (label: string): string => `${runPrefix}-${label}${randomUUID().slice(0, 8)}`;
    const follow = (...args: Parameters<EventStore['subscribe']>): Subscription => {
      const subscription = store.subscribe(...args);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeAll(async () => {
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
    });

    afterAll(async () => {
      await store?.close();
    });

    describe('identity', () => {
      it('is a uuid that stays the same, and is not part of the history', async () => {
        const identity = await store.identity();
        expect(identity).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        await expect(store.identity()).resolves.toBe(identity);
        const all = await store.readAll({ limit: 10_000 });
        expect(all.some((e) => JSON.stringify(e.data).includes(identity))).toBe(false);
      });
    });

    describe('append and readStream', () => {
      it('numbers revisions from 0 and gives increasing global positions', async () => {
        const stream = uniqueName('order');
        const first = await store.append(
          stream,
          [contractEvent('A', { n: 0 }), contractEvent('B', { n: 1 }), contractEvent('C', { n: 2 })],
          'no-stream',
        );
        expect(first.nextExpectedRevision).toBe(2);
        const second = await store.append(
          stream,
          [contractEvent('D', { n: 3 }), contractEvent('E', { n: 4 })],
          2,
        );
        expect(second.nextExpectedRevision).toBe(4);
        expect(second.position).toBeGreaterThan(first.position);

        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
        expect(read.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
        expect(read.every((e) => e.stream === stream && e.version === 1)).toBe(true);
        expectStrictlyIncreasing(read.map((e) => e.position));
        expect(read[2].position).toBe(first.position);
        expect(read[4].position).toBe(second.position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(second.position);
      });

      it('round-trips ids, data and metadata (actor, correlation, causation, timestamp)', async () => {
        const stream = uniqueName('meta');
        const metadata: EventMetadata = {
          actor: { type: 'portalUser', id: randomUUID(), name: 'Ada Lovelace', portalId: randomUUID() },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          timestamp: '2026-01-02T03:04:05.678Z',
          requestIp: '127.0.0.1',
        };
        const data = {
          title: 'Printer on fire',
          nested: { list: [1, 'two', null], flag: false },
          unicode: 'Zoë ✓',
        };
        const written = contractEvent('CaseRaised', data, metadata);
        const orphan = contractEvent(
          'SystemTick',
          {},
          { ...metadata, actor: { type: 'system', id: 'clock' }, causationId: null },
        );
        await store.append(stream, [written, orphan], 'no-stream');

        const [read, readOrphan] = await store.readStream(stream);
        expect(read.id).toBe(written.id);
        expect(read.data).toEqual(data);
        expect(read.metadata).toEqual(metadata);
        expect(readOrphan.metadata.causationId).toBeNull();
        expect(readOrphan.metadata.actor).toEqual({ type: 'system', id: 'clock' });
        expect(Number.isNaN(Date.parse(read.recordedAt))).toBe(false);
        const [fromAll] = await store.readAll({ filter: { streamPrefixes: [stream] }, limit: 1 });
        expect(fromAll).toEqual(read);
      });

      it('treats an empty append as a no-op that reports the current revision', async () => {
        const stream = uniqueName('empty');
        await store.append(stream, [contractEvent('A'), contractEvent('B')], 'no-stream');
        const before = await store.readAll({ filter: { streamPrefixes: [stream] } });

        const result = await store.append(stream, [], 1);

        expect(result.nextExpectedRevision).toBe(1);
        expect(await store.readAll({ filter: { streamPrefixes: [stream] } })).toEqual(before);
      });
    });

    describe('expected revision', () => {
      it('accepts matching expectations and rejects the others with the actual revision', async () => {
        const stream = uniqueName('expect');
        await expectConflict(store.append(stream, [contractEvent('A')], 'stream-exists'), 'no-stream');
        await expectConflict(store.append(stream, [contractEvent('A')], 0), 'no-stream');
        await store.append(stream, [contractEvent('A')], 'no-stream');
        await expectConflict(store.append(stream, [contractEvent('B')], 'no-stream'), 0);
        await expectConflict(store.append(stream, [contractEvent('B')], 1), 0);
        expect((await store.append(stream, [contractEvent('B')], 'stream-exists')).nextExpectedRevision).toBe(
          1,
        );
        expect((await store.append(stream, [contractEvent('C')], 'any')).nextExpectedRevision).toBe(2);
        expect((await store.append(stream, [contractEvent('D')], 2)).nextExpectedRevision).toBe(3);
        const other = uniqueName('expectany');
        expect((await store.append(other, [contractEvent('A')], 'any')).nextExpectedRevision).toBe(0);

        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('lets exactly one of ten parallel appends with the same expected revision win', async () => {
        const stream = uniqueName('race');
        await store.append(stream, [contractEvent('Opened')], 'no-stream');

        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.append(stream, [contractEvent('Raced', { i })], 0)),
        );

        const winners = outcomes.filter((o) => o.status === 'fulfilled');
        const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(9);
        for (const loser of losers) {
          expect(loser.reason).toBeInstanceOf(WrongExpectedRevision);
          expect((loser.reason as WrongExpectedRevision).actual).toBe(1);
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('reserves a name: of two parallel no-stream appends to a reservation stream, one wins', async () => {
        const stream = `unique-portalSlug-${uniqueName('slug')}`;
        const claims = [randomUUID(), randomUUID()];

        const outcomes = await Promise.allSettled(
          claims.map((portalId) =>
            store.append(stream, [contractEvent('PortalSlugReserved', { portalId })], 'no-stream'),
          ),
        );

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const loser = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(loser?.reason).toBeInstanceOf(WrongExpectedRevision);
        expect((loser?.reason as WrongExpectedRevision).actual).toBe(0);
        const stored = await store.readStream(stream);
        expect(stored).toHaveLength(1);
        expect(claims).toContain(stored[0].data.portalId);
      });
    });

    describe('idempotent appends', () => {
      it('returns the original result and writes nothing when the same events are appended again', async () => {
        const stream = uniqueName('idem');
        const created = [contractEvent('Created'), contractEvent('Named')];
        const original = await store.append(stream, created, 'no-stream');
        const updated = [contractEvent('Renamed')];
        const next = await store.append(stream, updated, original.nextExpectedRevision);
        const before = await store.readAll({ filter: { streamPrefixes: [stream] } });

        expect(await store.append(stream, created, 'no-stream')).toEqual(original);
        expect(await store.append(stream, updated, original.nextExpectedRevision)).toEqual(next);
        expect(await store.append(stream, updated, 'any')).toEqual(next);

        expect(await store.readAll({ filter: { streamPrefixes: [stream] } })).toEqual(before);
      });

      it('gives two identical parallel appends the same result and stores the events once', async () => {
        const stream = uniqueName('idempar');
        await store.append(stream, [contractEvent('Created')], 'no-stream');
        const events = [contractEvent('Changed'), contractEvent('ChangedAgain')];

        const [a, b] = await Promise.all([store.append(stream, events, 0), store.append(stream, events, 0)]);

        expect(a).toEqual(b);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual([
          expect.any(String),
          ...events.map((e) => e.id),
        ]);
      });

      it("stores an 'any' or 'stream-exists' append once when it is retried after later appends", async () => {
        // EventStoreDB remembers recent ids for 'any' only in a cache; the port promises more: a retry
        // after a restart, with other events appended since, still finds the original.
        const stream = uniqueName('idemany');
        const delivered = contractEvent('Delivered');
        const original = await store.append(stream, [delivered], 'any');
        await store.append(stream, [contractEvent('Opened')], 'any');
        const confirmed = [contractEvent('Confirmed'), contractEvent('Archived')];
        const second = await store.append(stream, confirmed, 'stream-exists');
        await store.append(stream, [contractEvent('Opened')], 'any');

        expect(await store.append(stream, [delivered], 'any')).toEqual(original);
        expect(await store.append(stream, confirmed, 'stream-exists')).toEqual(second);
        expect(await store.append(stream, confirmed, 'any')).toEqual(second);

        expect((await store.readStream(stream)).map((e) => e.type)).toEqual([
          'Delivered',
          'Opened',
          'Confirmed',
          'Archived',
          'Opened',
        ]);
      });

      it("gives parallel 'any' appends of the same events one stored copy", async () => {
        const stream = uniqueName('idemanypar');
        await store.append(stream, [contractEvent('Created')], 'no-stream');
        const events = [contractEvent('Delivered')];
        const others = Array.from({ length: 4 }, () => contractEvent('Noise'));

        const results = await Promise.all([
          store.append(stream, events, 'any'),
          ...others.map((other) => store.append(stream, [other], 'any')),
          store.append(stream, events, 'any'),
        ]);

        expect(results[0]).toEqual(results[results.length - 1]);
        const stored = await store.readStream(stream);
        expect(stored.filter((e) => e.id === events[0].id)).toHaveLength(1);
        expect(stored).toHaveLength(6);
      });

      it('rejects a retry whose ids only partly match what was stored, writing nothing', async () => {
        const stream = uniqueName('idempart');
        const first = contractEvent('Created');
        await store.append(stream, [first, contractEvent('Named')], 'no-stream');

        await expect(store.append(stream, [first, contractEvent('Other')], 'no-stream')).rejects.toThrow();

        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards, from a revision, with a limit', async () => {
        const stream = uniqueName('read');
        await store.append(
          stream,
          Array.from({ length: 10 }, (_, n) => contractEvent('Counted', { n })),
          'no-stream',
        );
        const revisions = (events: RecordedEvent[]): number[] => events.map((e) => e.revision);

        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(revisions(await store.readStream(stream, { from: 3, limit: 4 }))).toEqual([3, 4, 5, 6]);
        expect(revisions(await store.readStream(stream, { from: 8 }))).toEqual([8, 9]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([
          9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
        ]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', limit: 1 }))).toEqual([9]);
        expect(
          revisions(await store.readStream(stream, { direction: 'backwards', from: 5, limit: 3 })),
        ).toEqual([5, 4, 3]);
        expect(await store.readStream(stream, { from: 10 })).toEqual([]);
        expect((await store.readStream(stream, { from: 3, limit: 1 }))[0].data).toEqual({ n: 3 });
        expect(await store.readStream(uniqueName('missing'))).toEqual([]);
      });

      it('reads all streams in global order, after a position, with limits and filters', async () => {
        const prefix = uniqueName('all');
        const cases = `${prefix}-case-`;
        const users = `${prefix}-user-`;
        await store.append(
          `${cases}1`,
          [contractEvent('CaseRaised'), contractEvent('CaseCommented')],
          'no-stream',
        );
        await store.append(`${users}1`, [contractEvent('UserInvited')], 'no-stream');
        await store.append(`${cases}2`, [contractEvent('CaseRaised')], 'no-stream');
        await store.append(`${cases}1`, [contractEvent('CaseClosed')], 1);
        await store.append(`${uniqueName('elsewhere')}`, [contractEvent('CaseRaised')], 'no-stream');

        const all = await store.readAll({ filter: { streamPrefixes: [prefix] } });
        expect(all.map((e) => `${e.stream.slice(prefix.length)}:${e.type}`)).toEqual([
          '-case-1:CaseRaised',
          '-case-1:CaseCommented',
          '-user-1:UserInvited',
          '-case-2:CaseRaised',
          '-case-1:CaseClosed',
        ]);
        expectStrictlyIncreasing(all.map((e) => e.position));

        expect(await store.readAll({ after: all[1].position, filter: { streamPrefixes: [prefix] } })).toEqual(
          all.slice(2),
        );
        expect(
          await store.readAll({ after: all[1].position, limit: 2, filter: { streamPrefixes: [prefix] } }),
        ).toEqual(all.slice(2, 4));
        expect(await store.readAll({ after: all[4].position, filter: { streamPrefixes: [prefix] } })).toEqual(
          [],
        );
        expect(await store.readAll({ filter: { streamPrefixes: [users] } })).toEqual([all[2]]);
        expect(await store.readAll({ filter: { streamPrefixes: [`${users}1`, `${cases}2`] } })).toEqual([
          all[2],
          all[3],
        ]);
        expect(
          await store.readAll({
            filter: { streamPrefixes: [prefix], eventTypes: ['CaseRaised', 'CaseClosed'] },
          }),
        ).toEqual([all[0], all[3], all[4]]);
        const unfiltered = await store.readAll({ after: all[0].position - 1, limit: 1 });
        expect(unfiltered[0]?.position).toBeGreaterThanOrEqual(all[0].position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(all[4].position);
      });
      it('filters a read by event type alone, after a position and with a limit', async () => {
        // Types unique to this run, so the read does not depend on what else the server holds.
        const raised = `${runPrefix}Raised${randomUUID().slice(0, 8)}`;
        const closed = `${runPrefix}Closed${randomUUID().slice(0, 8)}`;
        const stream = uniqueName('bytype');
        await store.append(stream, [contractEvent(raised), contractEvent('Noise')], 'no-stream');
        await store.append(uniqueName('bytype'), [contractEvent(closed)], 'no-stream');
        await store.append(stream, [contractEvent('Noise'), contractEvent(raised)], 1);

        const found = await store.readAll({ filter: { eventTypes: [raised, closed] } });
        expect(found.map((e) => e.type)).toEqual([raised, closed, raised]);
        expectStrictlyIncreasing(found.map((e) => e.position));
        expect(await store.readAll({ after: found[0].position, filter: { eventTypes: [raised] } })).toEqual([
          found[2],
        ]);
        expect(await store.readAll({ limit: 2, filter: { eventTypes: [raised, closed] } })).toEqual(
          found.slice(0, 2),
        );
        expect(await store.readAll({ after: found[2].position, filter: { eventTypes: [raised] } })).toEqual(
          [],
        );
        expect(await store.readAll({ filter: { eventTypes: [`${runPrefix}Nothing`] } })).toEqual([]);
      });
    });

    describe('subscriptions', () => {
      it('catches up from the start, reports caughtUp, then follows live appends', async () => {
        const prefix = uniqueName('sub');
        await store.append(`${prefix}-a`, [contractEvent('One'), contractEvent('Two')], 'no-stream');
        await store.append(`${prefix}-b`, [contractEvent('Three')], 'no-stream');
        const seen: RecordedEvent[] = [];

        const subscription = follow({ filter: { streamPrefixes: [prefix] } }, (e) => {
          seen.push(e);
        });
        await subscription.caughtUp;
        expect(seen.map((e) => e.type)).toEqual(['One', 'Two', 'Three']);

        await store.append(`${prefix}-a`, [contractEvent('Four')], 1);
        await store.append(`${prefix}-c`, [contractEvent('Five'), contractEvent('Six')], 'no-stream');
        await waitFor(() => seen.length >= 6);

        expect(seen.map((e) => e.type)).toEqual(['One', 'Two', 'Three', 'Four', 'Five', 'Six']);
        expect(seen).toEqual(await store.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(subscription.position).toBe(seen[5].position);
      });

      it('resumes after a checkpoint without duplicates or losses, and honours type filters', async () => {
        const prefix = uniqueName('resume');
        for (let i = 0; i < 6; i += 1)
          await store.append(`${prefix}-${i}`, [contractEvent(i % 2 ? 'Odd' : 'Even', { i })], 'no-stream');
        const first: RecordedEvent[] = [];
        const stopAfterThree = follow({ filter: { streamPrefixes: [prefix] } }, (e) => {
          first.push(e);
        });
        await waitFor(() => first.length >= 3);
        await stopAfterThree.stop();
        const checkpoint = stopAfterThree.position as number;
        expect(checkpoint).toBe(first[first.length - 1].position);

        await store.append(`${prefix}-late`, [contractEvent('Odd', { i: 6 })], 'no-stream');
        const rest: RecordedEvent[] = [];
        const resumed = follow({ after: checkpoint, filter: { streamPrefixes: [prefix] } }, (e) => {
          rest.push(e);
        });
        await resumed.caughtUp;
        await waitFor(() => first.length + rest.length >= 7);

        expect([...first, ...rest]).toEqual(await store.readAll({ filter: { streamPrefixes: [prefix] } }));

        const odd: RecordedEvent[] = [];
        const typed = follow({ filter: { streamPrefixes: [prefix], eventTypes: ['Odd'] } }, (e) => {
          odd.push(e);
        });
        await typed.caughtUp;
        expect(odd.map((e) => e.data.i)).toEqual([1, 3, 5, 6]);
      });

      it('wakes a watcher of appends (where the store offers it) until it stops watching', async () => {
        if (!store.watchAppends) return; // optional: such stores are followed with subscribe
        let wakes = 0;
        const unwatch = await store.watchAppends(() => {
          wakes += 1;
        });
        try {
          await store.append(uniqueName('watched'), [contractEvent('Watched')], 'no-stream');
          await waitFor(() => wakes >= 1);
        } finally {
          await unwatch();
        }
        const seen = wakes;
        await store.append(uniqueName('unwatched'), [contractEvent('Unwatched')], 'no-stream');
        // A subscription reads the log; the same append must have reached it, so a late wake-up would be here by now.
        const after: RecordedEvent[] = [];
        const tail = follow({ filter: { streamPrefixes: [runPrefix], eventTypes: ['Unwatched'] } }, (e) => {
          after.push(e);
        });
        await tail.caughtUp;
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(after).toHaveLength(1);
        expect(wakes).toBe(seen);
      });

      it('delivers one event at a time, and stop() waits for the running handler', async () => {
        const prefix = uniqueName('serial');
        await store.append(
          `${prefix}-a`,
          [contractEvent('One'), contractEvent('Two'), contractEvent('Three')],
          'no-stream',
        );
        let running = 0;
        let maxRunning = 0;
        let release!: () => void;
        const blocked = new Promise<void>((resolve) => (release = resolve));
        const handled: number[] = [];
        const subscription = follow({ filter: { streamPrefixes: [prefix] } }, async (e) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          if (e.revision === 1) await blocked;
          await new Promise((resolve) => setImmediate(resolve));
          handled.push(e.revision);
          running -= 1;
        });
        await waitFor(() => handled.length === 1 && running === 1);

        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(stopped).toBe(false);
        release();
        await stopping;

        expect(running).toBe(0);
        expect(maxRunning).toBe(1);
        expect(handled).toEqual([0, 1]);
        expect(subscription.position).toBe((await store.readStream(`${prefix}-a`))[1].position);
      });

      it('stops without skipping the event when the handler throws', async () => {
        const prefix = uniqueName('fail');
        await store.append(
          `${prefix}-a`,
          [contractEvent('Fine'), contractEvent('Poison'), contractEvent('Later')],
          'no-stream',
        );
        const seen: string[] = [];
        const failing = follow({ filter: { streamPrefixes: [prefix] } }, (e) => {
          if (e.type === 'Poison') throw new Error('handler failed');
          seen.push(e.type);
        });

        await expect(failing.done).rejects.toThrow('handler failed');
        expect(seen).toEqual(['Fine']);
        const [fine, poison] = await store.readStream(`${prefix}-a`);
        expect(failing.position).toBe(fine.position);

        const retried: RecordedEvent[] = [];
        const again = follow({ after: failing.position, filter: { streamPrefixes: [prefix] } }, (e) => {
          retried.push(e);
        });
        await again.caughtUp;
        expect(retried.map((e) => e.id)).toEqual([poison.id, expect.any(String)]);
      });

      it('sees every event of many concurrent appenders exactly once, in increasing position order', async () => {
        const prefix = uniqueName('gap');
        const seen: RecordedEvent[] = [];
        const subscription = follow({ filter: { streamPrefixes: [prefix] } }, (e) => {
          seen.push(e);
        });
        await subscription.caughtUp;
        const writers = 8;
        const appendsPerWriter = 12;
        let total = 0;

        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const stream = `${prefix}-w${w}`;
            let expected: number | 'no-stream' = 'no-stream';
            for (let i = 0; i < appendsPerWriter; i += 1) {
              const batch =
                i % 3 === 2
                  ? [contractEvent('Pair', { w, i }), contractEvent('Pair', { w, i })]
                  : [contractEvent('Single', { w, i })];
              total += batch.length;
              expected = (await store.append(stream, batch, expected)).nextExpectedRevision;
            }
          }),
        );
        await waitFor(() => seen.length >= total);

        expect(seen).toHaveLength(total);
        expect(new Set(seen.map((e) => e.id)).size).toBe(total);
        expectStrictlyIncreasing(seen.map((e) => e.position));
        expect(seen).toEqual(await store.readAll({ filter: { streamPrefixes: [prefix] } }));
      });
    });

    describe('upcasting', () => {
      // Skipped for an adapter opened without upcasters (the suite's caller says so): nothing to upcast.
      const itWithUpcasters = opts.upcasters ? it : it.skip;
      itWithUpcasters(
        'reads v1 events as v2 on readStream, readAll and subscribe once an upcaster is registered',
        async () => {
          const upcasters = opts.upcasters as UpcasterRegistry;
          const type = `ContractRenamed${randomUUID().slice(0, 8)}`;
          const stream = uniqueName('upcast');
          await store.append(stream, [contractEvent(type, { name: 'Old' })], 'no-stream');
          expect((await store.readStream(stream)).map((e) => [e.version, e.data])).toEqual([
            [1, { name: 'Old' }],
          ]);

          upcasters.register({
            type,
            fromVersion: 1,
            upcast: (data, metadata) => ({
              fullName: data.name,
              upcastFor: (metadata.actor as { id: string }).id,
            }),
          });
          await store.append(stream, [{ ...contractEvent(type, { fullName: 'New' }), version: 2 }], 0);

          const expectUpcast = (events: RecordedEvent[]): void => {
            expect(events.map((e) => e.version)).toEqual([2, 2]);
            expect(events.map((e) => e.data)).toEqual([
              { fullName: 'Old', upcastFor: 'contract-tester' },
              { fullName: 'New' },
            ]);
          };
          expectUpcast(await store.readStream(stream));
          expectUpcast(await store.readAll({ filter: { streamPrefixes: [stream] } }));
          const seen: RecordedEvent[] = [];
          await follow({ filter: { streamPrefixes: [stream] } }, (e) => {
            seen.push(e);
          }).caughtUp;
          expectUpcast(seen);
        },
      );
    });
  });
}

/** A new event with a fresh id; metadata as a command handler would write it. */
export function contractEvent(
  type: string,
  data: Record<string, unknown> = {},
  metadata?: EventMetadata,
): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: metadata ?? {
      actor: { type: 'staff', id: 'contract-tester' },
      correlationId: randomUUID(),
      causationId: null,
      timestamp: new Date().toISOString(),
    },
  };
}

async function expectConflict(append: Promise<unknown>, actual: number | 'no-stream'): Promise<void> {
  const error = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  expect((error as WrongExpectedRevision).actual).toBe(actual);
}

function expectStrictlyIncreasing(positions: number[]): void {
  for (let i = 1; i < positions.length; i += 1) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
}

/** Waits for a condition reached asynchronously (a subscription delivering); fails after 20 s. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
