import { WrongExpectedRevision, type EventStore, type RecordedEvent } from '@portal/event-store';
import { DomainError, type DomainEvent } from '@portal/domain';
import { appendDecided } from './append-decided';
import type { CommandContext } from './command-context';
import { NO_COMMAND_OBSERVER, streamCategory, type CommandObserver } from './command-observer';
import { retryOnConflict } from './conflict-policy';
import { assertIfMatch, PreconditionFailed } from './precondition-failed.error';
import { readStreamState, type StateFold, type StreamState } from './stream-state';

/** One command on one stream. */
export interface StreamCommand<State, E extends DomainEvent, D extends DomainEvent> extends StateFold<
  State,
  E
> {
  stream: string;
  /**
   * Decides the events from the current state (the domain's pure decider, plus what the caller
   * needs around it). Called again on each attempt after a conflict, with the fresh state.
   */
  decide: (state: State, revision: number | 'no-stream') => readonly D[] | Promise<readonly D[]>;
  /**
   * Default: appended at the revision read. 'no-stream': the command creates the stream (nothing
   * is read; a stream already there is a conflict, not retried). 'any': appended whatever came in
   * between (records of what happened, e.g. a login attempt), never a conflict.
   */
  expected?: 'no-stream' | 'any';
  /** The client's `If-Match`: checked after deciding; a stale or overtaken revision is PreconditionFailed. */
  ifMatch?: number;
  /**
   * State the caller already holds (a cache kept current): the first attempt decides on it unread.
   * Its revision is needed unless `expected` is 'any'.
   */
  given?: { state: State; revision?: number | 'no-stream' };
}

export interface CommandResult<State, D extends DomainEvent> {
  /** The state decided on, and its revision. */
  state: State;
  revision: number | 'no-stream';
  /** The events read from the stream (empty when nothing was read). */
  read: readonly RecordedEvent[];
  /** What was appended (empty when the decider found nothing to do). */
  events: D[];
  /** The stream's revision after the append. */
  nextRevision: number | 'no-stream';
}

/**
 * The write path: read the stream's state, decide, append at the revision read, and on a
 * conflict follow the one policy (conflict-policy.ts): decide again on the fresh state, unless the
 * client pinned a revision (If-Match: 412) or the command creates its stream. Free of Nest: the API's
 * handlers map their HTTP commands onto it, workflows over several streams call it per stream.
 */
export class StreamCommands {
  constructor(
    private readonly store: EventStore,
    private readonly observer: CommandObserver = NO_COMMAND_OBSERVER,
  ) {}

  /** The current state of a stream, for checks and workflows that decide nothing on it themselves. */
  read<State, E extends DomainEvent>(stream: string, fold: StateFold<State, E>) {
    return readStreamState(this.store, stream, fold);
  }

  async handle<State, E extends DomainEvent, D extends DomainEvent>(
    command: StreamCommand<State, E, D>,
    ctx: CommandContext,
  ): Promise<CommandResult<State, D>> {
    const category = streamCategory(command.stream);
    try {
      const result = await this.decideAndAppend(command, ctx, category);
      this.observer.handled(category);
      return result;
    } catch (error) {
      if (error instanceof DomainError) this.observer.refused(category, error.code);
      else if (error instanceof PreconditionFailed) this.observer.refused(category, 'precondition_failed');
      else if (error instanceof WrongExpectedRevision && command.expected === 'no-stream')
        this.observer.conflicted(category);
      throw error;
    }
  }

  private decideAndAppend<State, E extends DomainEvent, D extends DomainEvent>(
    command: StreamCommand<State, E, D>,
    ctx: CommandContext,
    category: string,
  ): Promise<CommandResult<State, D>> {
    if (command.expected === 'no-stream') return this.attempt(command, ctx, undefined);
    return retryOnConflict(
      async (attempt) => {
        try {
          return await this.attempt(command, ctx, attempt === 1 ? command.given : undefined);
        } catch (error) {
          if (error instanceof WrongExpectedRevision && command.ifMatch !== undefined) {
            this.observer.conflicted(category);
            throw PreconditionFailed.overtaken();
          }
          throw error;
        }
      },
      (willRetry) => {
        this.observer.conflicted(category);
        if (willRetry) this.observer.retried(category);
      },
    );
  }

  private async attempt<State, E extends DomainEvent, D extends DomainEvent>(
    command: StreamCommand<State, E, D>,
    ctx: CommandContext,
    given: StreamCommand<State, E, D>['given'],
  ): Promise<CommandResult<State, D>> {
    const { state, revision, read } = await this.current(command, given);
    const events = [...(await command.decide(state, revision))];
    assertIfMatch(command.ifMatch, revision);
    const expected = command.expected ?? revision;
    const result = await appendDecided(this.store, command.stream, events, expected, ctx);
    return { state, revision, read, events, nextRevision: result?.nextExpectedRevision ?? revision };
  }

  private async current<State, E extends DomainEvent>(
    command: StreamCommand<State, E, DomainEvent>,
    given: StreamCommand<State, E, DomainEvent>['given'],
  ): Promise<StreamState<State> & { read: readonly RecordedEvent[] }> {
    if (command.expected === 'no-stream')
      return { state: command.initialState, revision: 'no-stream', read: [] };
    if (given?.revision !== undefined) return { state: given.state, revision: given.revision, read: [] };
    if (given && command.expected === 'any') return { state: given.state, revision: 'no-stream', read: [] };
    if (given) throw new Error(`A given state of ${command.stream} needs its revision`);
    const { state, revision, events } = await readStreamState(this.store, command.stream, command);
    return { state, revision, read: events };
  }
}
