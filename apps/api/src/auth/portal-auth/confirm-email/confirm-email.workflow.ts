import type { CommandContext } from '@portal/commands';
import { decideConfirmEmailChange, isDomainError } from '@portal/domain';
import type { UniqueValues } from '../../../shared-streams/unique-values';
import { redeemOneTimeToken, type RedeemPorts } from '../redeem-one-time-token';

/** What confirming an email change works on: redeeming the link, and the address reservations. */
export interface ConfirmEmailPorts extends RedeemPorts {
  uniques: Pick<UniqueValues, 'release'>;
}

/**
 * Confirms the pending email change the token was mailed for (redeem-one-time-token.ts: 422
 * email_change_invalid for a token naming nobody; 422 when it is not the pending change or has
 * expired: nothing written); the user's suspension ends with it. The new address was reserved when
 * the change was requested; the old one is released here so someone else may use it - unless it
 * is someone else's already, which is not ours to free. If the release fails otherwise, the change
 * stands (the user has their new address) and the error surfaces: the old address stays held by
 * this user, which blocks nobody but its future owner, and the next change of this user's address
 * cannot depend on it.
 */
export async function confirmEmail(
  ports: ConfirmEmailPorts,
  { portalId, token }: { portalId: string; token: string },
  ctx: CommandContext,
): Promise<{ email: string }> {
  const { state, events, acting } = await redeemOneTimeToken(
    ports,
    {
      purpose: 'email-change',
      token,
      portalId,
      decide: (tokenHash, current) =>
        decideConfirmEmailChange({ type: 'ConfirmEmailChange', tokenHash, now: ctx.now }, current),
    },
    ctx,
  );
  try {
    await ports.uniques.release('portalUserEmail', state.email, state.id, acting.ctx);
  } catch (error) {
    if (!isDomainError(error, 'reservation_not_owned')) throw error;
  }
  acting.report();
  return { email: events[0].data.newEmail };
}
