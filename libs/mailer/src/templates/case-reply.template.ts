import { renderCaseEmail } from './case-email.layout';
import { messagesFor } from './messages/catalogue';
import type { CaseEmailContext, RenderedEmail } from './rendered-email';

/** Staff posted a public comment: its text, quoted, and a link to answer in the portal. */
export function caseReplyEmail(context: CaseEmailContext & { comment: string }): RenderedEmail {
  return renderCaseEmail(messagesFor(context.locale).caseReply, context, { quote: context.comment });
}
