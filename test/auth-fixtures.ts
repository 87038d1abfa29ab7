import { randomUUID } from 'node:crypto';
import {
  decideCreatePortal,
  decideCreatePortalUser,
  decideSendInvitation,
  evolvePortalUser,
  initialPortalState,
  initialPortalUserState,
  portalStream,
  portalUserStream,
  type DomainEvent,
  type PortalSettings,
} from '@portal/domain';
import type { ExpectedRevision } from '@portal/event-store';
import { deriveKey, hashToken, oneTimeToken, type OneTimeTokenPurpose } from '@portal/platform';
import { ReadModelNames } from '@portal/read-models';
import { OneTimeTokens } from '../apps/api/src/auth/one-time-tokens/one-time-tokens';
import { ReservationStreams } from '../apps/api/src/shared-streams/reservation-streams';
import type { TestApp } from './support';

/**
 * Sets up portals and portal users for the auth e2e tests by appending the events the admin
 * endpoints would append, and indexing their tokens as the endpoints do (those endpoints are
 * tested elsewhere): what is under test here is only how the auth endpoints and guards treat them.
 */
export class AuthFixtures {
  private readonly names: ReadModelNames;
  private readonly streams: ReservationStreams;

  /** The reservation stream of a portal user's email, named as the service names it (blinded). */
  emailStream(email: string): string {
    return this.streams.streamOf('portalUserEmail', email);
  }

  constructor(private readonly app: TestApp) {
    this.names = new ReadModelNames(app.readStore);
    this.streams = new ReservationStreams(app.config.dataKey ?? app.config.jwtSecret);
  }

  async append(
    stream: string,
    events: DomainEvent[],
    options: { expected?: ExpectedRevision; ids?: string[] } = {},
  ): Promise<number> {
    const result = await this.app.eventStore.append(
      stream,
      events.map((event, i) => ({
        id: options.ids?.[i] ?? randomUUID(),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          actor: { type: 'system', id: '00000000-0000-0000-0000-000000000000', name: 'system' },
          correlationId: randomUUID(),
          causationId: null,
          timestamp: new Date().toISOString(),
        },
      })),
      options.expected ?? 'any',
    );
    return result.position;
  }

  /** Waits until the projector has folded everything up to `position` into the read models. */
  async projected(position: number): Promise<void> {
    const reached = await this.app.readStore.waitForCheckpoint(
      await this.names.checkpoint(),
      position,
      10_000,
    );
    if (!reached) throw new Error(`read models did not reach ${position}`);
  }

  async portal(settings: Partial<PortalSettings> = {}): Promise<{ id: string; slug: string }> {
    const id = randomUUID();
    const slug = `auth-${Math.random().toString(36).slice(2, 10)}`;
    await this.append(this.streams.streamOf('portalSlug', slug), [
      { type: 'UniqueValueReserved', data: { kind: 'portalSlug', value: slug, ownerId: id } },
    ]);
    const events = decideCreatePortal(
      { portalId: id, name: `Portal ${slug}`, slug, url: `http://127.0.0.1/portal/${slug}`, settings },
      initialPortalState,
    );
    await this.projected(await this.append(portalStream(id), events));
    return { id, slug };
  }

  async portalEvent(portalId: string, type: 'PortalDeactivated' | 'PortalActivated'): Promise<void> {
    await this.projected(await this.append(portalStream(portalId), [{ type, data: { portalId } }]));
  }

  /** A portal user with an email reservation and an invitation to the first portal; returns the link's token. */
  async invitedUser(portalIds: string[]): Promise<{ id: string; email: string; invitationToken: string }> {
    const id = randomUUID();
    const email = `user-${Math.random().toString(36).slice(2, 10)}@client.example.org`;
    await this.append(this.emailStream(email), [
      { type: 'UniqueValueReserved', data: { kind: 'portalUserEmail', value: email, ownerId: id } },
    ]);
    const created = decideCreatePortalUser(
      {
        type: 'CreatePortalUser',
        portalUserId: id,
        source: { kind: 'new', email, firstName: 'Jane', lastName: 'Doe' },
        portalIds,
        roleIds: [],
        staffEmailDomains: [],
      },
      initialPortalUserState,
    );
    const invitationId = randomUUID();
    const invitationToken = this.token('invitation', invitationId);
    const invited = decideSendInvitation(
      {
        type: 'SendInvitation',
        invitationId,
        portalId: portalIds[0],
        tokenHash: hashToken(invitationToken),
        now: new Date().toISOString(),
        staffEmailDomains: [],
        contactDeleted: false,
      },
      created.reduce(evolvePortalUser, initialPortalUserState),
    );
    await this.indexToken('invitation', invitationId, id, portalIds[0]);
    await this.append(portalUserStream(id), [...created, ...invited]);
    return { id, email, invitationToken };
  }

  /** Indexes a token as its issuer does before appending the event that carries its hash. */
  async indexToken(
    purpose: OneTimeTokenPurpose,
    tokenId: string,
    portalUserId: string,
    portalId: string | null,
  ): Promise<void> {
    await new OneTimeTokens(this.app.config, this.app.readStore).remember({
      id: hashToken(this.token(purpose, tokenId)),
      purpose,
      tokenId,
      portalUserId,
      portalId,
    });
  }

  /** The token the mailer puts in the link, derived the way it derives it. */
  token(purpose: OneTimeTokenPurpose, tokenId: string): string {
    return oneTimeToken(deriveKey(this.app.config.jwtSecret, 'one-time-tokens'), purpose, tokenId);
  }

  async eventsOf(portalUserId: string) {
    return this.app.eventStore.readStream(portalUserStream(portalUserId));
  }
}
