import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent, Evolve } from '@portal/domain';
import {
  AppendOutcomeUnknown,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@portal/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CommandContext } from './command-context';
import { eventId } from './event-ids';

export interface Loaded<State> {
  state: State;
  /** Revision of the stream's last event, or 'no-stream'. Pass it back to `append` as expected. */
  revision: number | 'no-stream';
  events: RecordedEvent[];
}

/** Further attempts of an append whose outcome the store could not tell (its ids make them safe). */
const OUTCOME_UNKNOWN_RETRIES = 2;

/** Loads aggregates by folding their streams and appends decided events with metadata. */
@Injectable()
export class AggregateRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<State, E extends DomainEvent>(
    stream: string,
    evolve: Evolve<State, E>,
    initial: State,
  ): Promise<Loaded<State>> {
    const events = await this.store.readStream(stream);
    const state = events.reduce((s, e) => evolve(s, { type: e.type, data: e.data } as E), initial);
    return {
      state,
      revision: events.length === 0 ? 'no-stream' : events[events.length - 1].revision,
      events,
    };
  }

  /** Appends with the expected revision; records the reached position on the command context. */
  async append(
    stream: string,
    events: readonly DomainEvent[],
    expected: ExpectedRevision,
    ctx: CommandContext,
  ): Promise<AppendResult | undefined> {
    if (events.length === 0) return undefined;
    // Ids derive from the command id, so every attempt below carries the same ones: the store keeps one copy.
    const stored: NewEvent[] = events.map((event) => ({
      id: eventId(ctx.commandId, stream, ctx.nextEventIndex(stream)),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        causationId: ctx.causationId,
        timestamp: ctx.now,
      },
    }));
    const result = await this.appendRetryingUnknownOutcome(stream, stored, expected);
    ctx.recordPosition(result.position);
    return result;
  }

  private async appendRetryingUnknownOutcome(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.store.append(stream, events, expected);
      } catch (error) {
        if (error instanceof AppendOutcomeUnknown && attempt < OUTCOME_UNKNOWN_RETRIES) continue;
        throw error;
      }
    }
  }
}
