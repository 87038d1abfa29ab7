/**
 * An append that may or may not have been stored: the call was cancelled or timed out after the request
 * may have reached the store. Retrying the same events (same ids, same expected revision) is safe: the
 * port's appends are idempotent by event id, so a retry stores them at most once.
 */
export class AppendOutcomeUnknown extends Error {
  override readonly name = 'AppendOutcomeUnknown';
  constructor(
    readonly stream: string,
    override readonly cause: unknown,
  ) {
    super(`Append to ${stream}: outcome unknown (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}
