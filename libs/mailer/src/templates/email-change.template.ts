import { renderActionEmail } from './action-email.layout';
import { messagesFor } from './messages/catalogue';
import type { EmailContext, RenderedEmail } from './rendered-email';

/** Goes to the NEW address: following the link proves the user owns it. */
export function emailChangeEmail(context: EmailContext & { newEmail: string }): RenderedEmail {
  return renderActionEmail(messagesFor(context.locale).emailChange, context, { newEmail: context.newEmail });
}
