import { FixedWindowCounter } from './fixed-window-counter';

describe('FixedWindowCounter', () => {
  it('counts hits per key inside one window and tells when it resets', () => {
    const counter = new FixedWindowCounter();
    expect(counter.hit('a', 60_000, 1_000)).toEqual({ count: 1, resetInMs: 60_000 });
    expect(counter.hit('a', 60_000, 11_000)).toEqual({ count: 2, resetInMs: 50_000 });
    expect(counter.hit('b', 60_000, 11_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });

  it('takes a hit back in a live window only, never below 0', () => {
    const counter = new FixedWindowCounter();
    counter.hit('a', 1_000, 0);
    counter.hit('a', 1_000, 0);
    counter.release('a', 500);
    expect(counter.peek('a', 500).count).toBe(1);
    counter.release('a', 500);
    counter.release('a', 500);
    expect(counter.peek('a', 500).count).toBe(0);
    counter.release('b', 500);
    expect(counter.peek('b', 500).count).toBe(0);
  });

  it('starts over once the window has passed', () => {
    const counter = new FixedWindowCounter();
    counter.hit('a', 1_000, 0);
    counter.hit('a', 1_000, 500);
    expect(counter.hit('a', 1_000, 1_000)).toEqual({ count: 1, resetInMs: 1_000 });
  });

  it('never holds more keys than allowed, dropping expired windows first', () => {
    const counter = new FixedWindowCounter(2);
    counter.hit('old', 10, 0);
    counter.hit('live', 10_000, 0);
    counter.hit('new', 10_000, 100); // 'old' expired: swept, 'live' kept
    expect(counter.hit('live', 10_000, 200).count).toBe(2);
    counter.hit('newer', 10_000, 300); // full of live windows: the oldest ('live') goes
    expect(counter.hit('live', 10_000, 400).count).toBe(1);
  });
});
