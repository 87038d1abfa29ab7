import { renderActionEmail } from './action-email.layout';
import { messagesFor } from './messages/catalogue';
import type { EmailContext, RenderedEmail } from './rendered-email';

export function invitationEmail(context: EmailContext): RenderedEmail {
  return renderActionEmail(messagesFor(context.locale).invitation, context);
}
