import { waitForCheckpointOf, type CheckpointSource } from './checkpoint-wait';
import { notificationOf } from './sql/sql-read-store';

/** A checkpoint source whose stored checkpoint and wake-ups the test moves by hand. */
function handMoved(stored: number): CheckpointSource & {
  reads: number;
  wake: (reached?: number) => void;
} {
  const source = {
    reads: 0,
    wake: (_reached?: number): void => undefined,
    read: async () => {
      source.reads += 1;
      return stored;
    },
    subscribe: async (onWake: (reached?: number) => void) => {
      source.wake = onWake;
      return async () => undefined;
    },
  };
  return source;
}

describe('waitForCheckpointOf', () => {
  const never = new AbortController().signal;

  it('takes a wake-up that names a checkpoint at or past the position as reached, without a read', async () => {
    const source = handMoved(1);
    const waiting = waitForCheckpointOf(source, 5, 1_000, 60_000, never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.reads).toBe(1);
    source.wake(4);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.reads).toBe(2);
    source.wake(5);
    expect(await waiting).toBe(true);
    expect(source.reads).toBe(2);
  });

  it('reads again on a wake-up that names no checkpoint', async () => {
    const source = handMoved(1);
    const stop = new AbortController();
    const waiting = waitForCheckpointOf(source, 5, 30_000, 60_000, stop.signal);
    await new Promise((resolve) => setImmediate(resolve));
    source.wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.reads).toBe(2);
    stop.abort();
    expect(await waiting).toBe(false);
  });
});

describe('waitForCheckpointOf from a checkpoint the caller read', () => {
  const never = new AbortController().signal;

  it('starts from it without a read of its own, and ends on a wake-up naming the position', async () => {
    const source = handMoved(1);
    const waiting = waitForCheckpointOf(source, 5, 30_000, 60_000, never, 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.reads).toBe(0);
    source.wake(5);
    expect(await waiting).toBe(true);
    expect(source.reads).toBe(0);
  });

  it('answers at once, with no read, when it is at the position already', async () => {
    const source = handMoved(0);
    expect(await waitForCheckpointOf(source, 5, 30_000, 60_000, never, 6)).toBe(true);
    expect(source.reads).toBe(0);
  });

  it('reads soon, not a poll interval later, when no wake-up came: an advance it missed is found', async () => {
    // The caller read 1, then the checkpoint reached 5 before the wait subscribed: no wake-up comes.
    const source = handMoved(5);
    const waiting = waitForCheckpointOf(source, 5, 30_000, 600_000, never, 1);
    expect(await waiting).toBe(true);
    expect(source.reads).toBe(1);
  });
});

describe('notificationOf', () => {
  it('reads the projection and the checkpoint it reached, or the projection alone', () => {
    expect(notificationOf('projector:g1 42')).toEqual({ projection: 'projector:g1', reached: 42 });
    expect(notificationOf('projector:g1')).toEqual({ projection: 'projector:g1' });
    expect(notificationOf('odd name 7')).toEqual({ projection: 'odd name', reached: 7 });
    expect(notificationOf('trailing ')).toEqual({ projection: 'trailing ' });
  });
});
