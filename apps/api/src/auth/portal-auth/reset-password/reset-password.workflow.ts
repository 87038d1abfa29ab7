import type { CommandContext } from '@portal/commands';
import { decideResetPassword } from '@portal/domain';
import type { PortalDoc } from '@portal/read-models';
import type { CredentialStore } from '../../passwords/credential-store';
import type { PortalSessionStore } from '../../sessions/portal-session-store';
import { redeemOneTimeToken, type RedeemPorts } from '../redeem-one-time-token';

/** What a password reset works on: redeeming the link, credentials, sessions. */
export interface ResetPasswordPorts extends RedeemPorts {
  credentials: Pick<CredentialStore, 'setPassword'>;
  sessions: Pick<PortalSessionStore, 'liveOf' | 'end'>;
}

export interface PasswordResetRequest {
  portal: PortalDoc;
  token: string;
  password: string;
}

/**
 * The link is redeemed (redeem-one-time-token.ts: 422 reset_invalid for a token naming nobody;
 * the domain checks it is the user's current reset for this portal, unused and unexpired, 422
 * otherwise: nothing written, the old password and the sessions stay; it works once even for two
 * racing requests). Then the new hash is stored and every open session ends: whoever knew the old
 * password is out. If storing the hash fails, the error surfaces before any session ends and the
 * old password stays valid; the used link stays used (no undo of the event) and the user asks for
 * a new one, which the domain allows.
 */
export async function resetPassword(
  ports: ResetPasswordPorts,
  { portal, token, password }: PasswordResetRequest,
  ctx: CommandContext,
): Promise<void> {
  const { state, acting } = await redeemOneTimeToken(
    ports,
    {
      purpose: 'password-reset',
      token,
      portalId: portal.id,
      decide: (tokenHash, current) =>
        decideResetPassword({ type: 'ResetPassword', portalId: portal.id, tokenHash, now: ctx.now }, current),
    },
    ctx,
  );
  acting.report();
  const now = new Date(ctx.now);
  await ports.credentials.setPassword({ kind: 'portalUser', id: state.id }, password, now);
  for (const session of await ports.sessions.liveOf(state.id)) {
    await ports.sessions.end(session.id, 'password_reset', now);
  }
}
