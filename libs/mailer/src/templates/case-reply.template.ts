import { renderCaseEmail } from './case-email.layout';
import { messagesFor } from './messages/catalogue';
import type { CaseEmailContext, RenderedEmail } from './rendered-email';

/** Staff posted public comments: their texts, quoted one after the other, and a link to answer in the portal. */
export function caseReplyEmail(
  context: CaseEmailContext & ({ comment: string } | { replies: readonly string[] }),
): RenderedEmail {
  const quotes = 'comment' in context ? [context.comment] : context.replies;
  return renderCaseEmail(messagesFor(context.locale).caseReply, context, { quotes });
}
