import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendOutcomeUnknown } from '../append-outcome-unknown.error';
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

/**
 * Errors after which the server may have stored the append: the call was cancelled (the node stopping
 * mid-call) or ran out of time after the request left. A connection that was never made (unavailable)
 * stored nothing.
 */
export function mayHaveBeenStored(cause: unknown): boolean {
  const error = asCommandError(cause);
  return (
    error instanceof TimeoutError || error instanceof DeadlineExceededError || error instanceof CancelledError
  );
}

/**
 * Errors worth retrying the same append for: those that leave the outcome unknown, and a lost
 * connection. Retrying is safe because every retry the adapter makes carries the same event ids and an
 * expected revision the server checks them against (see EsdbAppender).
 */
export function isUncertainAppendError(cause: unknown): boolean {
  return mayHaveBeenStored(cause) || asCommandError(cause) instanceof UnavailableError;
}

/**
 * The port's error for the client's: a conflict as WrongExpectedRevision; an append that may have been
 * stored (by this attempt or an earlier one) as AppendOutcomeUnknown; anything else as the client's
 * typed error.
 */
export function toAppendError(
  cause: unknown,
  stream: string,
  expected: ExpectedRevision,
  earlierOutcomeUnknown = false,
): unknown {
  const error = asCommandError(cause);
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    // The client reports a missing stream as 'no_stream' (or -1 from older servers).
    return new WrongExpectedRevision(
      stream,
      expected,
      typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no-stream',
    );
  }
  if (mayHaveBeenStored(error) || (earlierOutcomeUnknown && error instanceof UnavailableError)) {
    return new AppendOutcomeUnknown(stream, error);
  }
  return error;
}
