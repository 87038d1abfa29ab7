import { Injectable } from '@nestjs/common';
import { StreamCommands, type CommandContext } from '@portal/commands';
import { evolveRecord, initialRecordState, type DomainEvent, type RecordState } from '@portal/domain';
import { asStreamEvents, type RecordStreamEvent } from './record-document';

export interface RecordChange {
  /** The stream as it was read. */
  before: RecordStreamEvent[];
  /** What this command appended (empty when nothing changed), with the revisions it got. */
  appended: RecordStreamEvent[];
}

/**
 * A change to an existing record through the write path: the decider judges first (404/403/422),
 * then the client's If-Match (412); a writer that got in between is a 412 with If-Match, otherwise
 * the command is decided again on the new state. Answers the events as documents are built from.
 */
@Injectable()
export class RecordStreamWriter {
  constructor(private readonly commands: StreamCommands) {}

  async change(
    stream: string,
    ifMatch: number | undefined,
    ctx: CommandContext,
    decide: (state: RecordState) => DomainEvent[],
  ): Promise<RecordChange> {
    const { read, events, revision } = await this.commands.handle(
      { stream, evolve: evolveRecord, initialState: initialRecordState, decide, ifMatch },
      ctx,
    );
    return {
      before: [...read],
      appended: asStreamEvents(events, revision, { actor: ctx.actor, timestamp: ctx.now }),
    };
  }

  /** A new record on a new stream: nothing to read, the stream must not exist. */
  async create(
    stream: string,
    ctx: CommandContext,
    decide: () => DomainEvent[],
  ): Promise<RecordStreamEvent[]> {
    const { events } = await this.commands.handle(
      {
        stream,
        evolve: evolveRecord,
        initialState: initialRecordState,
        decide: () => decide(),
        expected: 'no-stream',
      },
      ctx,
    );
    return asStreamEvents(events, 'no-stream', { actor: ctx.actor, timestamp: ctx.now });
  }
}
