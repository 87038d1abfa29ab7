import type { ExpectedRevision } from './event-store.port';

/** An append found the stream at another revision than the caller expected. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no-stream'. */
    readonly actual: number | 'no-stream',
  ) {
    super(`Stream ${stream}: expected ${String(expected)}, actual ${String(actual)}`);
  }
}
