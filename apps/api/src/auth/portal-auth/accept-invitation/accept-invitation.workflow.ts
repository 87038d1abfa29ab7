import type { CommandContext } from '@portal/commands';
import { decideAcceptInvitation, evolvePortalUser, isDomainError } from '@portal/domain';
import type { PortalDoc } from '@portal/read-models';
import { consentRequiredProblem, requiredConsentVersion } from '../../../privacy/consent/consent-terms';
import type { ClientInfo } from '../../client/client-info';
import type { CredentialStore } from '../../passwords/credential-store';
import type { IssuedToken } from '../../tokens/access-token';
import type { PortalSignIn } from '../portal-sign-in';
import { redeemOneTimeToken, type RedeemPorts } from '../redeem-one-time-token';

/** What accepting an invitation works on: redeeming the link, credentials, sign-in. */
export interface AcceptInvitationPorts extends RedeemPorts {
  credentials: Pick<CredentialStore, 'setPassword'>;
  signIn: Pick<PortalSignIn, 'attempt'>;
}

export interface InvitationAcceptance {
  portal: PortalDoc;
  token: string;
  password: string;
  client: ClientInfo;
  /** The portal's terms version accepted with the call (required when the portal requires consent). */
  consentVersion?: string | null;
}

/**
 * The link is redeemed (redeem-one-time-token.ts: 422 invitation_invalid for a token naming
 * nobody; the domain checks it is the current invitation to this portal, unused and unexpired,
 * 422 otherwise, nothing written; of two racing requests exactly one is accepted). The password is
 * stored only after the append (a refused request must never replace the winner's); if storing it
 * fails, the acceptance stands and the error surfaces - the user holds an accepted account without
 * credentials, which the forgot-password link recovers (no undo of the event: a used token must
 * stay used). Then the user is signed in like any login (null when the account may not log in now).
 * A portal that requires consent needs its current version accepted with the call: 403
 * consent_required otherwise, naming the version, and nothing written (the token stays usable).
 */
export async function acceptInvitation(
  ports: AcceptInvitationPorts,
  { portal, token, password, client, consentVersion = null }: InvitationAcceptance,
  ctx: CommandContext,
): Promise<IssuedToken | null> {
  const consent = { required: requiredConsentVersion(portal), accepted: consentVersion };
  const { state, events, acting } = await redeemOneTimeToken(
    ports,
    {
      purpose: 'invitation',
      token,
      portalId: portal.id,
      decide: (tokenHash, current) =>
        decideAcceptInvitation(
          { type: 'AcceptInvitation', portalId: portal.id, tokenHash, now: ctx.now, consent },
          current,
        ),
    },
    ctx,
  ).catch((error: unknown) => {
    throw isDomainError(error, 'consent_required') ? consentRequiredProblem(portal) : error;
  });
  acting.report();
  await ports.credentials.setPassword({ kind: 'portalUser', id: state.id }, password, new Date(ctx.now));
  return ports.signIn.attempt(
    events.reduce(evolvePortalUser, state),
    portal,
    true,
    client,
    ctx,
    consentVersion,
  );
}
