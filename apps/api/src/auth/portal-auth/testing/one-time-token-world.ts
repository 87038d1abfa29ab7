import { randomBytes, randomUUID } from 'node:crypto';
import { CommandContext } from '@portal/commands';
import {
  decideAcceptInvitation,
  decideCreatePortalUser,
  decideRequestEmailChange,
  decideRequestPasswordReset,
  decideSendInvitation,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  SYSTEM_ACTOR,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { hashToken, type OneTimeTokenPurpose } from '@portal/platform';
import type { PortalDoc } from '@portal/read-models';
import { EmbeddedWritePath } from '../../../shared-streams/testing/embedded-write-path';
import type { OneTimeTokenEntry } from '../../one-time-tokens/one-time-tokens';
import type { CredentialOwner } from '../../passwords/credential-store';
import type { PortalSessionDoc } from '../../sessions/portal-session';

const portalUser = { evolve: evolvePortalUser, initialState: initialPortalUserState };

/**
 * Given/when/then ground for the one-time-token workflows: real portal user streams on the
 * embedded store, and in-memory stand-ins for what lives beside the log (the token index, the
 * credentials, the sessions), each able to fail on demand.
 */
export class OneTimeTokenWorld {
  readonly index = new Map<string, OneTimeTokenEntry>();
  readonly passwords = new Map<string, string>();
  readonly sessions: PortalSessionDoc[] = [];
  credentialStoreDown = false;

  private constructor(readonly path: EmbeddedWritePath) {}

  static async open(): Promise<OneTimeTokenWorld> {
    return new OneTimeTokenWorld(await EmbeddedWritePath.open());
  }

  close(): Promise<void> {
    return this.path.close();
  }

  ctx(): CommandContext {
    return new CommandContext(SYSTEM_ACTOR);
  }

  /** Given: a portal (only its id matters to these workflows). */
  /** A portal as the read model shows it (only what the workflows read), requiring no consent unless told. */
  async portal(settings: Partial<PortalDoc['settings']> = {}): Promise<PortalDoc> {
    return { id: await this.path.portal(), settings: { consentVersion: null, ...settings } } as PortalDoc;
  }

  /** Given: a user invited to `portal`, never logged in; returns the invitation link's token. */
  async invitedUser(portal: PortalDoc): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    const created = decideCreatePortalUser(
      {
        type: 'CreatePortalUser',
        portalUserId: id,
        source: { kind: 'new', email: `${id}@customer.test`, firstName: 'Ada', lastName: 'Lovelace' },
        portalIds: [portal.id],
        roleIds: [],
        staffEmailDomains: [],
      },
      initialPortalUserState,
    );
    const token = this.indexed('invitation', id, portal.id);
    const invited = decideSendInvitation(
      {
        type: 'SendInvitation',
        invitationId: randomUUID(),
        portalId: portal.id,
        tokenHash: hashToken(token),
        now: new Date().toISOString(),
        staffEmailDomains: [],
        contactDeleted: false,
      },
      created.reduce(evolvePortalUser, initialPortalUserState),
    );
    await this.write(id, [...created, ...invited]);
    return { id, token };
  }

  /** Given: a user who accepted their invitation to `portal` (has a password). */
  async acceptedUser(portal: PortalDoc): Promise<string> {
    const { id, token } = await this.invitedUser(portal);
    const accepted = decideAcceptInvitation(
      {
        type: 'AcceptInvitation',
        portalId: portal.id,
        tokenHash: hashToken(token),
        now: new Date().toISOString(),
      },
      await this.state(id),
    );
    await this.write(id, accepted);
    return id;
  }

  /** Given: the user asked for a reset link in `portal`; returns its token. */
  async resetRequested(id: string, portal: PortalDoc): Promise<string> {
    const token = this.indexed('password-reset', id, portal.id);
    const events = decideRequestPasswordReset(
      {
        type: 'RequestPasswordReset',
        resetId: randomUUID(),
        portalId: portal.id,
        tokenHash: hashToken(token),
        now: new Date().toISOString(),
      },
      await this.state(id),
    );
    await this.write(id, events);
    return token;
  }

  /**
   * Given: the user (with a password) asked to move to `newEmail`, its reservation taken as the
   * request does; returns the confirmation link's token.
   */
  async emailChangeRequested(id: string, newEmail: string): Promise<string> {
    const state = await this.state(id);
    await this.path.uniques.reserve('portalUserEmail', state.email, id, this.ctx());
    await this.path.uniques.reserve('portalUserEmail', newEmail, id, this.ctx());
    const token = this.indexed('email-change', id, state.portalIds[0]);
    const events = decideRequestEmailChange(
      {
        type: 'RequestEmailChange',
        newEmail,
        tokenHash: hashToken(token),
        now: new Date().toISOString(),
        staffEmailDomains: [],
      },
      state,
    );
    await this.write(id, events);
    return token;
  }

  /** Given: an open session of the user. */
  openSession(portalUserId: string, portalId: string): string {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.sessions.push({
      id,
      portalUserId,
      portalId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      endedAt: null,
      endReason: null,
    });
    return id;
  }

  async state(id: string): Promise<PortalUserState> {
    return (await this.path.commands.read(portalUserStream(id), portalUser)).state;
  }

  eventTypes(id: string): Promise<string[]> {
    return this.path.eventTypes(portalUserStream(id));
  }

  /** The ports' stand-ins, over this world's streams and maps. */
  ports() {
    return {
      commands: this.path.commands,
      tokens: {
        find: async (purpose: OneTimeTokenPurpose, token: string) => {
          const entry = this.index.get(hashToken(token));
          return entry?.purpose === purpose ? entry : null;
        },
      },
      users: { current: (id: string) => this.path.commands.read(portalUserStream(id), portalUser) },
      credentials: {
        setPassword: async (owner: CredentialOwner, password: string) => {
          if (this.credentialStoreDown) throw new Error('credential store down');
          this.passwords.set(owner.id, password);
        },
      },
      sessions: {
        liveOf: async (portalUserId: string) =>
          this.sessions.filter((s) => s.portalUserId === portalUserId && s.endedAt === null),
        end: async (sessionId: string, reason: PortalSessionDoc['endReason'], now: Date) => {
          const session = this.sessions.find((s) => s.id === sessionId && s.endedAt === null);
          if (!session) return false;
          Object.assign(session, { endedAt: now.toISOString(), endReason: reason });
          return true;
        },
      },
    };
  }

  private indexed(purpose: OneTimeTokenPurpose, portalUserId: string, portalId: string): string {
    const token = randomBytes(24).toString('base64url');
    const tokenHash = hashToken(token);
    this.index.set(tokenHash, { id: tokenHash, purpose, tokenId: randomUUID(), portalUserId, portalId });
    return token;
  }

  private async write(id: string, events: PortalUserEvent[]): Promise<void> {
    await this.path.commands.handle(
      { stream: portalUserStream(id), ...portalUser, decide: () => events },
      this.ctx(),
    );
  }
}
