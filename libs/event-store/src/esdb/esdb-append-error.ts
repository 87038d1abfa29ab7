import {
  convertToCommandError,
  DeadlineExceededError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';

/** Some client paths (connecting, feature detection) throw raw gRPC errors: give them the client's types. */
function asCommandError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  try {
    return convertToCommandError(error);
  } catch {
    // The converter assumes gRPC error fields; anything else stays as it was.
    return error;
  }
}

/** The port's conflict error for the client's one; any other error as the client's typed error. */
export function toAppendError(cause: unknown, stream: string, expected: ExpectedRevision): unknown {
  const error = asCommandError(cause);
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualVersion;
  // The client reports a missing stream as 'no_stream' (or -1 from older servers).
  return new WrongExpectedRevision(
    stream,
    expected,
    typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no-stream',
  );
}

/**
 * Errors after which the append may or may not have been stored. Retrying is safe because the retry
 * carries the same event ids: the server answers a stored append with its original result.
 */
export function isUncertainAppendError(cause: unknown): boolean {
  const error = asCommandError(cause);
  return (
    error instanceof TimeoutError ||
    error instanceof DeadlineExceededError ||
    error instanceof UnavailableError
  );
}
