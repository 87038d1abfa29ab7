import type { CommandContext, CommandResult, StreamCommands } from '@portal/commands';
import {
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { hashToken, type OneTimeTokenPurpose } from '@portal/platform';
import { actingAs } from '../client/acting-context';
import type { OneTimeTokens } from '../one-time-tokens/one-time-tokens';
import type { PortalUserStates } from '../state/portal-user-states';
import { invalidToken } from './invalid-token';

/** What redeeming a one-time link needs: the write path, the token index, the users' states. */
export interface RedeemPorts {
  commands: StreamCommands;
  tokens: Pick<OneTimeTokens, 'find'>;
  users: Pick<PortalUserStates, 'current'>;
}

const INVALID = {
  invitation: 'invitation_invalid',
  'password-reset': 'reset_invalid',
  'email-change': 'email_change_invalid',
} as const;

export interface Redemption<E extends PortalUserEvent> {
  purpose: OneTimeTokenPurpose;
  token: string;
  portalId: string;
  /** The domain's decider for this link, given the presented token's hash. */
  decide: (tokenHash: string, state: PortalUserState) => E[];
}

/**
 * The first step of every one-time link: the token locates the user through the index (422
 * `<purpose>_invalid` when it names nobody, the same refusal whether or not it ever existed), and
 * the domain's decider appends on the user's stream, acting as that user, at the revision read:
 * of two racing requests with one token exactly one succeeds (the other decides again and is
 * refused). Nothing else is written here; the caller's later steps follow the append, under
 * `acting`, whose report() (called last) hands the furthest position to the request.
 */
export async function redeemOneTimeToken<E extends PortalUserEvent>(
  ports: RedeemPorts,
  { purpose, token, portalId, decide }: Redemption<E>,
  ctx: CommandContext,
): Promise<CommandResult<PortalUserState, E> & { acting: ReturnType<typeof actingAs> }> {
  const entry = await ports.tokens.find(purpose, token);
  if (entry === null) throw invalidToken(INVALID[purpose]);
  const { state, revision } = await ports.users.current(entry.portalUserId);
  const name = `${state.firstName} ${state.lastName}`.trim();
  const acting = actingAs(ctx, { type: 'portalUser', id: state.id, name, portalId });
  const tokenHash = hashToken(token);
  const result = await ports.commands.handle(
    {
      stream: portalUserStream(state.id),
      evolve: evolvePortalUser,
      initialState: initialPortalUserState,
      given: { state, revision },
      decide: (current) => decide(tokenHash, current),
    },
    acting.ctx,
  );
  return { ...result, acting };
}
