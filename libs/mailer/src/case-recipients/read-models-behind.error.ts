/** The read models have not reached an event yet: judging recipients now could use stale access. */
export class ReadModelsBehindError extends Error {
  override readonly name = 'ReadModelsBehindError';
}
