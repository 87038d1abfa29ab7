import type { Position } from '@eventstore/db-client';

/**
 * A global position as our port's number. EventStoreDB positions are byte offsets in its transaction log,
 * so a JS number (exact up to 2^53, about 9 PB of log) holds any position a real database reaches.
 * Every event appended through gRPC is its own committed record, so its commit and prepare positions are
 * equal and the commit position alone orders $all (only legacy TCP explicit transactions differ).
 */
export function toPositionNumber(commit: bigint): number {
  if (commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB position ${commit} is outside the safe integer range`);
  }
  return Number(commit);
}

/** The client position of an event at `position` (see toPositionNumber for why commit = prepare). */
export function toEsdbPosition(position: number): Position {
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

/** The server answers "no position" with -1 (or its unsigned wrap-around) on some paths. */
export function isUsablePosition(position: Position | undefined): position is Position {
  return (
    position !== undefined && position.commit >= 0n && position.commit <= BigInt(Number.MAX_SAFE_INTEGER)
  );
}
