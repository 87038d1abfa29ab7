import { SYSTEM_ACTOR } from '@portal/domain';
import {
  AppendOutcomeUnknown,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
} from '@portal/event-store';
import { appendDecided } from './append-decided';
import { CommandContext } from './command-context';
import { eventId } from './event-ids';

/** Just what appendDecided calls, keeping the ids it was given. */
function recordingStore(): { store: EventStore; appended: { stream: string; ids: string[] }[] } {
  const appended: { stream: string; ids: string[] }[] = [];
  let position = 0;
  const store = {
    append: async (
      stream: string,
      events: NewEvent[],
      _expected: ExpectedRevision,
    ): Promise<AppendResult> => {
      appended.push({ stream, ids: events.map((e) => e.id) });
      position += events.length;
      return { nextExpectedRevision: position - 1, position };
    },
  } as unknown as EventStore;
  return { store, appended };
}

const event = { type: 'Something', data: {} };

describe('CommandContext.peekEventIndex', () => {
  it('tells the index nextEventIndex hands out next, per stream, without taking it', () => {
    const ctx = new CommandContext(SYSTEM_ACTOR);
    expect(ctx.peekEventIndex('a')).toBe(0);
    expect(ctx.peekEventIndex('a')).toBe(0);
    expect(ctx.nextEventIndex('a')).toBe(0);
    expect(ctx.peekEventIndex('a')).toBe(1);
    expect(ctx.peekEventIndex('a')).toBe(1);
    expect(ctx.nextEventIndex('a')).toBe(1);
    expect(ctx.peekEventIndex('a')).toBe(2);
    expect(ctx.peekEventIndex('b')).toBe(0);
    expect(ctx.nextEventIndex('b')).toBe(0);
    expect(ctx.peekEventIndex('a')).toBe(2);
  });

  it("names the id the primitive gives the command's next event on that stream", async () => {
    const { store, appended } = recordingStore();
    const repo = { append: appendDecided.bind(null, store) };
    const ctx = new CommandContext(SYSTEM_ACTOR);
    // Earlier appends of the same command, to this stream and to another one.
    await repo.append('portalUser-1', [event, event], 'any', ctx);
    await repo.append('unique-portalUserEmail-x', [event], 'any', ctx);

    const predicted = eventId(ctx.commandId, 'portalUser-1', ctx.peekEventIndex('portalUser-1'));
    await repo.append('portalUser-1', [event], 'any', ctx);

    expect(appended.at(-1)).toEqual({ stream: 'portalUser-1', ids: [predicted] });
    expect(new Set(appended.flatMap((a) => a.ids)).size).toBe(4);
  });

  it('moves on after a failed append, so a retry predicts the id it will really get', async () => {
    const { store, appended } = recordingStore();
    let fail = true;
    const flaky = {
      append: async (...args: Parameters<EventStore['append']>) => {
        if (fail) {
          fail = false;
          throw new Error('conflict');
        }
        return store.append(...args);
      },
    } as unknown as EventStore;
    const repo = { append: appendDecided.bind(null, flaky) };
    const ctx = new CommandContext(SYSTEM_ACTOR);
    const first = eventId(ctx.commandId, 's', ctx.peekEventIndex('s'));
    await expect(repo.append('s', [event], 'any', ctx)).rejects.toThrow('conflict');
    const second = eventId(ctx.commandId, 's', ctx.peekEventIndex('s'));
    await repo.append('s', [event], 'any', ctx);
    expect(second).not.toBe(first);
    expect(appended).toEqual([{ stream: 's', ids: [second] }]);
  });
});

describe('appendDecided when the outcome is unknown', () => {
  it('appends again with the same ids, and answers with the result the retry gets', async () => {
    const { store, appended } = recordingStore();
    const append = store.append.bind(store);
    let calls = 0;
    store.append = async (stream, events, expected) => {
      calls += 1;
      if (calls === 1) throw new AppendOutcomeUnknown(stream, new Error('cancelled'));
      return append(stream, events, expected);
    };
    const ctx = new CommandContext(SYSTEM_ACTOR);

    const result = await appendDecided(store, 's', [event, event], 'any', ctx);

    expect(calls).toBe(2);
    expect(appended).toEqual([
      { stream: 's', ids: [eventId(ctx.commandId, 's', 0), eventId(ctx.commandId, 's', 1)] },
    ]);
    expect(result).toEqual({ nextExpectedRevision: 1, position: 2 });
    // The retry did not take new indexes: the next append of this command goes on from 2.
    expect(ctx.peekEventIndex('s')).toBe(2);
  });

  it('gives up after two retries, and never retries a conflict', async () => {
    const { store } = recordingStore();
    let calls = 0;
    store.append = async (stream) => {
      calls += 1;
      throw new AppendOutcomeUnknown(stream, new Error('deadline'));
    };
    const repo = { append: appendDecided.bind(null, store) };
    await expect(repo.append('s', [event], 3, new CommandContext(SYSTEM_ACTOR))).rejects.toBeInstanceOf(
      AppendOutcomeUnknown,
    );
    expect(calls).toBe(3);

    calls = 0;
    store.append = async (stream, _events, expected) => {
      calls += 1;
      throw new WrongExpectedRevision(stream, expected, 5);
    };
    await expect(repo.append('s', [event], 3, new CommandContext(SYSTEM_ACTOR))).rejects.toBeInstanceOf(
      WrongExpectedRevision,
    );
    expect(calls).toBe(1);
  });
});
