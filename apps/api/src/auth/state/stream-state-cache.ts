import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent, Evolve } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';

interface Entry {
  state: unknown;
  revision: number;
}

const MAX_ENTRIES = 10_000;

/**
 * The current state of a stream, strongly consistent and cheap: the folded state is kept per
 * stream and only the events after the kept revision are read and folded on each call (usually
 * none). Auth checks run on every request, and login/session events make user streams long.
 * One evolve function per stream name, as streams belong to one aggregate type.
 */
@Injectable()
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * `known`: the stream's last revision as the caller read it from the event store's own tables
   * during this request (null: no such stream), or undefined when it could not. A kept state at
   * that revision is answered without reading: revisions only grow and the store writes a stream's
   * revision with its events, so no event after it was committed when the caller read it, which is
   * all that reading the events after it would have told.
   */
  async current<State, E extends DomainEvent>(
    stream: string,
    evolve: Evolve<State, E>,
    initial: State,
    known?: number | null,
  ): Promise<{ state: State; revision: number | 'no-stream' }> {
    const kept = this.entries.get(stream);
    if (known === null && !kept) return { state: initial, revision: 'no-stream' };
    if (kept && known === kept.revision) {
      this.entries.delete(stream);
      this.entries.set(stream, kept);
      return { state: kept.state as State, revision: kept.revision };
    }
    const events = await this.store.readStream(stream, kept ? { from: kept.revision + 1 } : undefined);
    if (!kept && events.length === 0) return { state: initial, revision: 'no-stream' };
    let state = (kept?.state as State | undefined) ?? initial;
    let revision = kept?.revision ?? -1;
    for (const event of events) {
      state = evolve(state, { type: event.type, data: event.data } as E);
      revision = event.revision;
    }
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.entries.delete(stream);
    this.entries.set(stream, { state, revision });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return { state, revision };
  }
}
