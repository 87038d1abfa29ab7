import { hashToken, oneTimeToken } from '@portal/platform';
import type { TokenEmailKind, TokenEmailRequest } from './email-request';
import { TOKEN_PURPOSE } from './email-request';
import { PermanentDeliveryError } from './delivery-errors';
import type { MailPortal, MailRecipient } from './mail-directory.port';
import type { OutgoingEmail } from './outgoing-email';
import { resolveLocale } from './templates/messages/catalogue';
import { emailChangeEmail } from './templates/email-change.template';
import { invitationEmail } from './templates/invitation.template';
import { passwordResetEmail } from './templates/password-reset.template';
import type { EmailContext, RenderedEmail } from './templates/rendered-email';

export interface ComposerSettings {
  /** Base of every link (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** The one-time-token key: deriveKey(JWT_SECRET, 'one-time-tokens'). */
  tokenSecret: Buffer | string;
  /** The From address; the portal's name becomes its display name. */
  fromAddress: string;
}

const LINK_PATH: Record<TokenEmailKind, string> = {
  invitation: 'accept-invitation',
  'password-reset': 'reset-password',
  'email-change': 'confirm-email',
};

export function portalLink(publicUrl: string, slug: string, path: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(slug)}/${path}?token=${encodeURIComponent(token)}`;
}

function render(kind: TokenEmailKind, context: EmailContext, request: TokenEmailRequest): RenderedEmail {
  switch (kind) {
    case 'invitation':
      return invitationEmail(context);
    case 'password-reset':
      return passwordResetEmail(context);
    case 'email-change':
      return emailChangeEmail({ ...context, newEmail: request.to ?? '' });
  }
}

function displayName(name: string): string {
  return `"${name.replace(/["\\\r\n]/g, '')}"`;
}

/**
 * The token for the link, derived again from the event's id. Not matching the event's tokenHash
 * means the API used another secret: such a link would not work, so it is not sent.
 */
function linkTokenFor(request: TokenEmailRequest, secret: Buffer | string): string {
  const token = oneTimeToken(secret, TOKEN_PURPOSE[request.kind], request.tokenId);
  if (hashToken(token) !== request.tokenHash) {
    throw new PermanentDeliveryError(
      `the ${request.kind} token derived for ${request.tokenId} does not match the event's tokenHash (another secret?)`,
    );
  }
  return token;
}

/**
 * Builds the email an event asked for. The token is derived again here from the event's id and
 * checked against the event's hash, so a link that would not work is never sent.
 */
export function composeEmail(
  request: TokenEmailRequest,
  portal: MailPortal,
  recipient: MailRecipient,
  jobId: string,
  settings: ComposerSettings,
): OutgoingEmail {
  const token = linkTokenFor(request, settings.tokenSecret);
  const context: EmailContext = {
    portal,
    recipient,
    locale: resolveLocale(recipient.language ?? portal.language),
    link: portalLink(settings.publicUrl, portal.slug, LINK_PATH[request.kind], token),
    expiresAt: request.expiresAt,
  };
  return addressed(
    render(request.kind, context, request),
    portal,
    request.to ?? recipient.email,
    jobId,
    settings,
  );
}

/** A rendered email from the portal (its name as display name) to one address, with a Message-ID per job. */
export function addressed(
  rendered: RenderedEmail,
  portal: MailPortal,
  to: string,
  jobId: string,
  settings: Pick<ComposerSettings, 'fromAddress'>,
): OutgoingEmail {
  const host = settings.fromAddress.split('@')[1] ?? 'localhost';
  return {
    from: `${displayName(portal.name)} <${settings.fromAddress}>`,
    to,
    ...rendered,
    messageId: `<${jobId}@${host}>`,
  };
}
