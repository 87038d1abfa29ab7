import type { CommandContext, StreamCommands } from '@portal/commands';
import {
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type DomainEvent,
  type PortalUserState,
} from '@portal/domain';
import type { CurrentPassword } from '../../auth/passwords/current-password';
import type { UniqueValues } from '../../shared-streams/unique-values';
import type { DecidedEmailChange, EmailChangeIssuer } from '../email-change-issuer';
import type { PortalUserSessions } from '../portal-user-sessions';
import type { EmailChangeOutcome, EmailChangeRequester } from './request-email-change.command';

/** What the workflow works on: the write path, the address reservations, and three helpers. */
export interface RequestEmailChangePorts {
  commands: StreamCommands;
  uniques: Pick<UniqueValues, 'reserve' | 'release'>;
  staffEmailDomains: () => Promise<readonly string[]>;
  currentPassword: Pick<CurrentPassword, 'confirm'>;
  changes: Pick<EmailChangeIssuer, 'decide' | 'remember'>;
  sessions: Pick<PortalUserSessions, 'endAll'>;
}

export interface EmailChangeRequest {
  portalUserId: string;
  newEmail: string;
  requester: EmailChangeRequester;
}

const portalUser = { evolve: evolvePortalUser, initialState: initialPortalUserState };

/**
 * The current password first (self-service: 403, nothing written), then the domain's rules (422,
 * 404: nothing written), then the new address's reservation for this user (409 email_taken), the
 * token's index entry, and EmailChangeRequested (or EmailChangeConfirmed for a user without a
 * password) at the revision read. A write to the user's stream in between (a login) is decided
 * again; if the append still fails, the reservation this request took is given back. Afterwards
 * the address it replaces is released: an earlier pending change's (superseded), or the old
 * address itself when the change took effect at once. A requested change ends the user's sessions
 * (the login is suspended until the new address is confirmed).
 */
export async function requestEmailChange(
  ports: RequestEmailChangePorts,
  { portalUserId, newEmail, requester }: EmailChangeRequest,
  ctx: CommandContext,
): Promise<EmailChangeOutcome> {
  const staffEmailDomains = await ports.staffEmailDomains();
  const stream = portalUserStream(portalUserId);
  const { state, revision } = await ports.commands.read(stream, portalUser);
  if (requester.kind === 'self') await ports.currentPassword.confirm(state, requester.password);
  const email = ports.changes.decide(portalUserId, state, newEmail, { ctx, staffEmailDomains }).events[0].data
    .newEmail;

  const took = await ports.uniques.reserve('portalUserEmail', email, portalUserId, ctx);
  let decided: DecidedEmailChange | undefined;
  let before: PortalUserState;
  try {
    ({ state: before } = await ports.commands.handle(
      {
        stream,
        ...portalUser,
        given: { state, revision },
        decide: async (current): Promise<readonly DomainEvent[]> => {
          decided = ports.changes.decide(portalUserId, current, email, { ctx, staffEmailDomains });
          await ports.changes.remember(portalUserId, decided, linkPortalOf(requester, current));
          return decided.events;
        },
      },
      ctx,
    ));
  } catch (error) {
    if (took) await release(ports, email, portalUserId, ctx).catch(() => undefined);
    throw error;
  }
  return settle(ports, portalUserId, before, decided!, ctx);
}

async function settle(
  ports: RequestEmailChangePorts,
  portalUserId: string,
  before: PortalUserState,
  decided: DecidedEmailChange,
  ctx: CommandContext,
): Promise<EmailChangeOutcome> {
  const [event] = decided.events;
  const superseded = before.pendingEmailChange?.newEmail;
  if (superseded !== undefined && superseded !== event.data.newEmail)
    await release(ports, superseded, portalUserId, ctx);
  if (event.type === 'EmailChangeConfirmed') {
    await release(ports, before.email, portalUserId, ctx);
    return { status: 'changed', email: event.data.newEmail };
  }
  await ports.sessions.endAll(portalUserId);
  return { status: 'confirmation_sent', newEmail: event.data.newEmail, expiresAt: event.data.expiresAt };
}

/** Frees an address this user held; one held by someone else already is not ours to free. */
async function release(
  ports: RequestEmailChangePorts,
  email: string,
  portalUserId: string,
  ctx: CommandContext,
): Promise<void> {
  try {
    await ports.uniques.release('portalUserEmail', email, portalUserId, ctx);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

/**
 * The portal the confirmation link leads to: the one the user asked from, or for an admin's
 * request the user's first portal, where the mailer sends such a link too (the event names no
 * portal and a staff actor has none, so it falls back to the user's first portal).
 */
function linkPortalOf(requester: EmailChangeRequester, state: PortalUserState): string | null {
  return requester.kind === 'self' ? requester.portalId : (state.portalIds[0] ?? null);
}
