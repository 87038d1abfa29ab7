import { randomUUID } from 'node:crypto';
import { CommandContext, StreamCommands } from '@portal/commands';
import {
  decideCreatePortal,
  evolvePortal,
  evolvePortalUser,
  initialPortalState,
  initialPortalUserState,
  portalStream,
  portalUserStream,
  SYSTEM_ACTOR,
  type PortalSettings,
} from '@portal/domain';
import { openEmbeddedEventStore, type EventStore } from '@portal/event-store';
import { PortalSeats } from '../portal-seats';
import { UniqueValues } from '../unique-values';
import { ReservationStreams } from '../reservation-streams';
import { randomBytes } from 'node:crypto';

/**
 * The write path over an in-memory embedded store (PGlite), for given/when/then specs of the
 * workflows: the real primitive and shared streams, nothing faked below them.
 */
export class EmbeddedWritePath {
  private constructor(
    readonly store: EventStore,
    readonly commands: StreamCommands,
    readonly uniques: UniqueValues,
    readonly seats: PortalSeats,
  ) {}

  static async open(): Promise<EmbeddedWritePath> {
    const store = await openEmbeddedEventStore(undefined);
    const commands = new StreamCommands(store);
    return new EmbeddedWritePath(
      store,
      commands,
      new UniqueValues(commands, new ReservationStreams(randomBytes(32).toString('base64url'))),
      new PortalSeats(commands),
    );
  }

  ctx(): CommandContext {
    return new CommandContext(SYSTEM_ACTOR);
  }

  /** Given: a portal (its slug reserved as the API does), with these settings. */
  async portal(settings: Partial<PortalSettings> = {}): Promise<string> {
    const portalId = randomUUID();
    const slug = `p-${portalId.slice(0, 8)}`;
    await this.uniques.reserve('portalSlug', slug, portalId, this.ctx());
    await this.commands.handle(
      {
        stream: portalStream(portalId),
        evolve: evolvePortal,
        initialState: initialPortalState,
        expected: 'no-stream',
        decide: (state) =>
          decideCreatePortal(
            { portalId, name: 'Portal', slug, url: `http://portal.test/${slug}`, settings },
            state,
          ),
      },
      this.ctx(),
    );
    return portalId;
  }

  /** Given: a portal user in these portals, holding a seat in each (as creating them does). */
  async portalUserIn(...portalIds: string[]): Promise<string> {
    const id = randomUUID();
    for (const portalId of portalIds) await this.seats.take(portalId, id, this.ctx());
    await this.commands.handle(
      {
        stream: portalUserStream(id),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        expected: 'no-stream',
        decide: () => [
          {
            type: 'PortalUserCreated',
            data: {
              portalUserId: id,
              email: `${id}@customer.test`,
              firstName: 'Ada',
              lastName: 'Lovelace',
              contactId: null,
              accountIds: [],
              portalIds,
              roleIds: [],
            },
          },
        ],
      },
      this.ctx(),
    );
    return id;
  }

  /** The write path over a store that refuses appends to the streams `fails` picks (the others work). */
  commandsFailingOn(fails: (stream: string) => boolean, message: string): StreamCommands {
    const failing = new Proxy(this.store, {
      get(target, prop, receiver) {
        if (prop === 'append') {
          return (stream: string, ...rest: unknown[]) =>
            fails(stream)
              ? Promise.reject(new Error(message))
              : (target.append as (...args: unknown[]) => unknown).call(target, stream, ...rest);
        }
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as EventStore;
    return new StreamCommands(failing);
  }

  /** The types of a stream's events, in order. */
  async eventTypes(stream: string): Promise<string[]> {
    return (await this.store.readStream(stream)).map((e) => e.type);
  }

  async seatHolders(portalId: string): Promise<string[]> {
    const { state } = await this.commands.read(portalStream(portalId), {
      evolve: evolvePortal,
      initialState: initialPortalState,
    });
    return state.seatHolders;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
