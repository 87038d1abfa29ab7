import { AppendWakeups } from './append-wakeups';

describe('AppendWakeups', () => {
  it('asks for a catch-up on a wake-up naming no position, whatever ran before', () => {
    const wakeups = new AppendWakeups();
    expect(wakeups.wake(7, undefined)).toBe(true);
    wakeups.catchUpBegins();
    expect(wakeups.wake(undefined, 7)).toBe(true);
  });

  it('asks for nothing when the notification of an append comes after the catch-up its first wake-up began', () => {
    const wakeups = new AppendWakeups();
    // This process's append of 7 returned: the runner is woken and begins a catch-up.
    expect(wakeups.wake(7, 3)).toBe(true);
    wakeups.catchUpBegins();
    // The catch-up is still running (checkpoint 3) when the database's notification of 7 arrives,
    // and one of 5 from another process that committed before it.
    expect(wakeups.wake(7, 3)).toBe(false);
    expect(wakeups.wake(5, 3)).toBe(false);
    // 8 committed after the catch-up began: its reads may have missed it.
    expect(wakeups.wake(8, 3)).toBe(true);
  });

  it('asks for a catch-up on a position named during a catch-up that began before it', () => {
    const wakeups = new AppendWakeups();
    wakeups.catchUpBegins();
    expect(wakeups.wake(4, 3)).toBe(true);
    expect(wakeups.wake(4, 3)).toBe(true);
    wakeups.catchUpBegins();
    expect(wakeups.wake(4, 3)).toBe(false);
  });

  it('asks for nothing about a position at or below where the runner has projected', () => {
    const wakeups = new AppendWakeups();
    expect(wakeups.wake(3, 3)).toBe(false);
    expect(wakeups.wake(2, 3)).toBe(false);
    expect(wakeups.wake(4, 3)).toBe(true);
  });
});
