import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Bounded work per turn of the event loop. On the embedded store a query resolves without waiting
 * for I/O, so a mailer working off a backlog can chain promise after promise and keep the API's
 * sockets (which share the process in `npm start`) waiting for the whole backlog. Work that calls
 * `take()` between its steps gives the loop back (setImmediate: I/O callbacks run first) once it has
 * held it for `sliceMs`, and in turn is not starved by the requests: each of its turns gets a slice.
 */
export class EventLoopTurns {
  private since = performance.now();

  constructor(private readonly sliceMs = 5) {}

  /** Resolves at once while this turn's slice lasts, else on the next turn. */
  async take(): Promise<void> {
    if (performance.now() - this.since < this.sliceMs) return;
    await nextTurn();
    this.since = performance.now();
  }
}
