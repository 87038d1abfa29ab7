import { Injectable } from '@nestjs/common';
import {
  evolveRecord,
  initialRecordState,
  type DomainEvent,
  type RecordEvent,
  type RecordState,
} from '@portal/domain';
import { WrongExpectedRevision } from '@portal/event-store';
import { AggregateRepository } from '../commands/aggregate-repository';
import type { CommandContext } from '../commands/command-context';
import { assertIfMatch } from '../http/etag';
import { ProblemException } from '../http/problem';
import { asStreamEvents, type RecordStreamEvent } from './record-document';

const ATTEMPTS = 3;

export interface RecordChange {
  /** The stream as it was read. */
  before: RecordStreamEvent[];
  /** What this command appended (empty when nothing changed), with the revisions it got. */
  appended: RecordStreamEvent[];
}

/**
 * Load → decide → append for an existing record. The decider judges first (404/403/422), then the
 * client's If-Match is checked (412), then the events are appended at the revision that was read.
 * A writer that got in between makes the append fail: with If-Match that is a 412 (the client's
 * revision is stale now) and nothing is appended; without it the command is decided again on the
 * new state, as if it had arrived a moment later.
 */
@Injectable()
export class RecordStreamWriter {
  constructor(private readonly repo: AggregateRepository) {}

  async change(
    stream: string,
    ifMatch: number | undefined,
    ctx: CommandContext,
    decide: (state: RecordState) => DomainEvent[],
  ): Promise<RecordChange> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision, events } = await this.repo.load<RecordState, RecordEvent>(
        stream,
        evolveRecord,
        initialRecordState,
      );
      const decided = decide(state);
      assertIfMatch(ifMatch, revision);
      try {
        await this.repo.append(stream, decided, revision, ctx);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (ifMatch !== undefined) {
          throw ProblemException.of(
            412,
            'precondition_failed',
            'The record was changed meanwhile; reload it and retry.',
          );
        }
        if (attempt >= ATTEMPTS) throw error;
        continue;
      }
      return {
        before: events,
        appended: asStreamEvents(decided, revision, { actor: ctx.actor, timestamp: ctx.now }),
      };
    }
  }
}
