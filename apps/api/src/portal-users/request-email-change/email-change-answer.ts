import type { FastifyReply } from 'fastify';
import type { EmailChangeOutcome } from './request-email-change.command';

/**
 * 202 when a confirmation link goes out (the mailer sends it to the new address), 200 when the
 * address changed at once. The route's default (@HttpCode) is 202; Nest sends the status set here.
 */
export function answerEmailChange(outcome: EmailChangeOutcome, reply: FastifyReply): EmailChangeOutcome {
  void reply.status(outcome.status === 'confirmation_sent' ? 202 : 200);
  return outcome;
}

export const CONFIRMATION_SENT_DESCRIPTION =
  '`{ status: "confirmation_sent", newEmail, expiresAt }`: EmailChangeRequested. The mailer sends a ' +
  'link (`PUBLIC_URL/portal/{slug}/confirm-email?token=…`, valid 7 days) to the new address; until ' +
  'it is confirmed (POST /v1/portals/{slug}/auth/confirm-email) the user cannot log in with either ' +
  "address (status `suspended`), and the user's sessions end now. A new request supersedes a pending one.";
