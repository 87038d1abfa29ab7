import type { DomainEvent } from '@portal/domain';
import { WrongExpectedRevision } from '@portal/event-store';
import type { AggregateRepository } from '../commands/aggregate-repository';
import type { CommandContext } from '../commands/command-context';
import { assertIfMatch } from '../http/etag';
import { ProblemException } from '../http/problem';

/**
 * Appends a PATCH's events at the revision the handler read. With `If-Match`, a stale revision is
 * 412 both when it was stale already and when another writer got in between the read and the
 * append; without it, the race is the usual 409. Returns the stream's new revision.
 */
export async function appendIfMatch(
  repo: AggregateRepository,
  stream: string,
  events: readonly DomainEvent[],
  read: number | 'no-stream',
  ifMatch: number | undefined,
  ctx: CommandContext,
): Promise<number | 'no-stream'> {
  assertIfMatch(ifMatch, read);
  try {
    const result = await repo.append(stream, events, read, ctx);
    return result?.nextExpectedRevision ?? read;
  } catch (error) {
    if (error instanceof WrongExpectedRevision && ifMatch !== undefined) {
      throw ProblemException.of(
        412,
        'precondition_failed',
        'The record was changed meanwhile; reload it and retry.',
      );
    }
    throw error;
  }
}
