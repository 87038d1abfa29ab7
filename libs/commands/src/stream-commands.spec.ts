import { randomUUID } from 'node:crypto';
import { DomainError, SYSTEM_ACTOR, type DomainEvent } from '@portal/domain';
import { openEmbeddedEventStore, WrongExpectedRevision, type EventStore } from '@portal/event-store';
import { CommandContext } from './command-context';
import { CONFLICT_ATTEMPTS } from './conflict-policy';
import { PreconditionFailed } from './precondition-failed.error';
import type { CommandObserver } from './command-observer';
import { StreamCommands, type StreamCommand } from './stream-commands';

// A counter as the aggregate: small enough to see every step of the write path.
type Added = DomainEvent<'Added', { by: number }>;
interface Counter {
  total: number;
}
const counter = {
  evolve: (state: Counter, event: Added): Counter => ({ total: state.total + event.data.by }),
  initialState: { total: 0 },
};
const added = (by: number): Added => ({ type: 'Added', data: { by } });

/** Adds `by` unless the total would pass `limit` (a rule the fresh state may break on a retry). */
function add(by: number, limit = Infinity) {
  return (state: Counter): Added[] => {
    if (state.total + by > limit) throw new DomainError('portal_user_limit', 'Over the limit', 'conflict');
    return by === 0 ? [] : [added(by)];
  };
}

jest.setTimeout(60_000);

describe('StreamCommands (the write path) on the embedded store', () => {
  let store: EventStore;
  let commands: StreamCommands;
  let stream: string;
  const ctx = () => new CommandContext(SYSTEM_ACTOR);
  const command = (
    decide: StreamCommand<Counter, Added, Added>['decide'],
    options: Partial<StreamCommand<Counter, Added, Added>> = {},
  ): StreamCommand<Counter, Added, Added> => ({ stream, ...counter, decide, ...options });
  /** Another writer, straight to the store. */
  const elsewhere = (by: number) =>
    new StreamCommands(store).handle(
      command(() => [added(by)], { expected: 'any' }),
      ctx(),
    );
  const totals = async () => (await store.readStream(stream)).map((e) => (e.data as { by: number }).by);

  beforeAll(async () => {
    store = await openEmbeddedEventStore(undefined);
    commands = new StreamCommands(store);
  });
  afterAll(() => store.close());
  beforeEach(() => {
    stream = `counter-${randomUUID()}`;
  });

  it('reads the state, decides, appends at the revision read, and tells what it did', async () => {
    await elsewhere(2);
    const context = ctx();
    const result = await commands.handle(command(add(3)), context);
    expect(result.state).toEqual({ total: 2 });
    expect(result.revision).toBe(0);
    expect(result.read).toHaveLength(1);
    expect(result.events).toEqual([added(3)]);
    expect(result.nextRevision).toBe(1);
    expect(context.position).toBe((await store.readStream(stream))[1].position);
    expect(await totals()).toEqual([2, 3]);
  });

  it('appends nothing when the decider finds nothing to do, nor when it refuses', async () => {
    await elsewhere(2);
    const nothing = await commands.handle(command(add(0)), ctx());
    expect(nothing).toMatchObject({ events: [], revision: 0, nextRevision: 0 });
    await expect(commands.handle(command(add(5, 4)), ctx())).rejects.toThrow('Over the limit');
    expect(await totals()).toEqual([2]);
  });

  it('decides again on the fresh state when another writer got in between (no If-Match)', async () => {
    const seen: number[] = [];
    const result = await commands.handle(
      command(async (state) => {
        seen.push(state.total);
        if (seen.length === 1) await elsewhere(10);
        return [added(1)];
      }),
      ctx(),
    );
    expect(seen).toEqual([0, 10]);
    expect(result.state).toEqual({ total: 10 });
    expect(await totals()).toEqual([10, 1]);
  });

  it('lets the fresh state refuse: the retried decider sees what the other writer did', async () => {
    let first = true;
    const refusing = command(async (state) => {
      if (first) {
        first = false;
        await elsewhere(4);
      }
      return add(1, 4)(state);
    });
    await expect(commands.handle(refusing, ctx())).rejects.toBeInstanceOf(DomainError);
    expect(await totals()).toEqual([4]);
  });

  it(`gives up after ${CONFLICT_ATTEMPTS} attempts that all met a concurrent write`, async () => {
    let attempts = 0;
    const contended = command(async () => {
      attempts++;
      await elsewhere(1);
      return [added(100)];
    });
    await expect(commands.handle(contended, ctx())).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(attempts).toBe(CONFLICT_ATTEMPTS);
    expect(await totals()).not.toContain(100);
  });

  it('refuses a stale If-Match after deciding, appending nothing', async () => {
    await elsewhere(1);
    await elsewhere(1);
    const stale = commands.handle(command(add(5), { ifMatch: 0 }), ctx());
    await expect(stale).rejects.toThrow(
      new PreconditionFailed('The record is at revision 1, not 0; reload it and retry.'),
    );
    const refused = commands.handle(command(add(5, 1), { ifMatch: 0 }), ctx());
    await expect(refused).rejects.toBeInstanceOf(DomainError); // the decider judges first
    expect(await totals()).toEqual([1, 1]);
  });

  it('answers PreconditionFailed, not a retry, when If-Match was right but a writer got in between', async () => {
    await elsewhere(1);
    let attempts = 0;
    const overtaken = command(
      async () => {
        attempts++;
        await elsewhere(7);
        return [added(5)];
      },
      { ifMatch: 0 },
    );
    await expect(commands.handle(overtaken, ctx())).rejects.toThrow(PreconditionFailed.overtaken());
    expect(attempts).toBe(1);
    expect(await totals()).toEqual([1, 7]);
  });

  it("creates a stream with 'no-stream' without reading it; an existing stream fails at once", async () => {
    let attempts = 0;
    const create = command(
      (state) => {
        attempts++;
        expect(state).toEqual(counter.initialState);
        return [added(1)];
      },
      { expected: 'no-stream' },
    );
    expect((await commands.handle(create, ctx())).nextRevision).toBe(0);
    await expect(commands.handle(create, ctx())).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(attempts).toBe(2);
    expect(await totals()).toEqual([1]);
  });

  it("decides on a given state without reading, and with 'any' appends whatever came in between", async () => {
    await elsewhere(1);
    const result = await commands.handle(
      command((state) => [added(state.total + 1)], { given: { state: { total: 41 } }, expected: 'any' }),
      ctx(),
    );
    expect(result.read).toEqual([]);
    expect(await totals()).toEqual([1, 42]);
  });

  it('decides on a given state at its revision, and reads afresh when that revision is stale', async () => {
    await elsewhere(1);
    await elsewhere(2);
    const seen: number[] = [];
    await commands.handle(
      command(
        (state) => {
          seen.push(state.total);
          return [added(1)];
        },
        { given: { state: { total: 1 }, revision: 0 } },
      ),
      ctx(),
    );
    expect(seen).toEqual([1, 3]);
    expect(await totals()).toEqual([1, 2, 1]);
  });

  it('gives every event of one command on one stream its own id, across retries', async () => {
    const context = ctx();
    let first = true;
    await commands.handle(
      command(async () => {
        if (first) {
          first = false;
          await elsewhere(1);
        }
        return [added(2), added(3)];
      }),
      context,
    );
    await commands.handle(command(add(4)), context);
    const ids = (await store.readStream(stream)).map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  describe('tells its observer what happened (the counters behind /metrics)', () => {
    let seen: string[];
    let observed: StreamCommands;
    beforeEach(() => {
      seen = [];
      const observer: CommandObserver = {
        handled: (category) => seen.push(`handled ${category}`),
        refused: (category, code) => seen.push(`refused ${category} ${code}`),
        conflicted: (category) => seen.push(`conflicted ${category}`),
        retried: (category) => seen.push(`retried ${category}`),
      };
      observed = new StreamCommands(store, observer);
    });

    it('a command handled, by the stream category and never its id', async () => {
      await observed.handle(command(add(1)), ctx());
      expect(seen).toEqual(['handled counter']);
    });

    it('a refusal by its domain code, and a stale If-Match as precondition_failed', async () => {
      await elsewhere(5);
      await expect(observed.handle(command(add(1, 5)), ctx())).rejects.toBeInstanceOf(DomainError);
      await expect(observed.handle(command(add(1), { ifMatch: 7 }), ctx())).rejects.toBeInstanceOf(
        PreconditionFailed,
      );
      expect(seen).toEqual(['refused counter portal_user_limit', 'refused counter precondition_failed']);
    });

    it('each conflict, and each retry it caused, then the command handled', async () => {
      let attempts = 0;
      await observed.handle(
        command(async () => {
          if (++attempts < 3) await elsewhere(1);
          return [added(1)];
        }),
        ctx(),
      );
      expect(seen).toEqual([
        'conflicted counter',
        'retried counter',
        'conflicted counter',
        'retried counter',
        'handled counter',
      ]);
    });

    it(`the last conflict without a retry after ${CONFLICT_ATTEMPTS} attempts`, async () => {
      const contended = command(async () => {
        await elsewhere(1);
        return [added(100)];
      });
      await expect(observed.handle(contended, ctx())).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(seen.filter((s) => s === 'conflicted counter')).toHaveLength(CONFLICT_ATTEMPTS);
      expect(seen.filter((s) => s === 'retried counter')).toHaveLength(CONFLICT_ATTEMPTS - 1);
      expect(seen).not.toContain('handled counter');
    });
  });
});
