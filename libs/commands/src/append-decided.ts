import type { DomainEvent } from '@portal/domain';
import {
  AppendOutcomeUnknown,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
} from '@portal/event-store';
import { activeTraceparent } from '@portal/tracing';
import type { CommandContext } from './command-context';
import { eventId } from './event-ids';

/** Further attempts of an append whose outcome the store could not tell (its ids make them safe). */
const OUTCOME_UNKNOWN_RETRIES = 2;

/**
 * Appends decided events with the command's metadata and deterministic ids, and records the
 * position reached on the context (the API answers it as X-Consistency-Token). Only the command
 * primitive calls it.
 */
export async function appendDecided(
  store: EventStore,
  stream: string,
  events: readonly DomainEvent[],
  expected: ExpectedRevision,
  ctx: CommandContext,
): Promise<AppendResult | undefined> {
  if (events.length === 0) return undefined;
  // With tracing on, the request's trace goes with the events to the projector and the mailer.
  const traceparent = activeTraceparent();
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
      ...(traceparent ? { traceparent } : {}),
    },
  }));
  const result = await appendRetryingUnknownOutcome(store, stream, stored, expected);
  ctx.recordPosition(result.position);
  return result;
}

async function appendRetryingUnknownOutcome(
  store: EventStore,
  stream: string,
  events: NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await store.append(stream, events, expected);
    } catch (error) {
      if (error instanceof AppendOutcomeUnknown && attempt < OUTCOME_UNKNOWN_RETRIES) continue;
      throw error;
    }
  }
}
