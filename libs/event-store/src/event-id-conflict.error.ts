/**
 * An append reused event ids that are already stored, but not as an exact retry of an earlier
 * append to the same stream (some ids are new, or they live in another stream or elsewhere).
 */
export class EventIdConflict extends Error {
  override readonly name = 'EventIdConflict';
  constructor(
    readonly stream: string,
    readonly detail: string,
  ) {
    super(`Append to ${stream} reuses stored event ids: ${detail}`);
  }
}
