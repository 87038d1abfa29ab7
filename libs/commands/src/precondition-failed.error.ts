/**
 * The client's `If-Match` revision is not the stream's: stale when the command read the stream, or
 * overtaken by another writer between that read and the append. Nothing was appended (HTTP 412).
 */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';

  static stale(ifMatch: number, current: number | 'no-stream'): PreconditionFailed {
    return new PreconditionFailed(
      `The record is at revision ${String(current)}, not ${ifMatch}; reload it and retry.`,
    );
  }

  static overtaken(): PreconditionFailed {
    return new PreconditionFailed('The record was changed meanwhile; reload it and retry.');
  }
}

/** Throws PreconditionFailed when the client asked for a revision the stream is not at. */
export function assertIfMatch(ifMatch: number | undefined, current: number | 'no-stream'): void {
  if (ifMatch !== undefined && ifMatch !== current) throw PreconditionFailed.stale(ifMatch, current);
}
