import { renderCaseEmail } from './case-email.layout';
import { messagesFor } from './messages/catalogue';
import type { CaseEmailContext, RenderedEmail } from './rendered-email';

/** The case moved to another status: the new status (and replies of the same window) and a link, nothing else of the case. */
export function caseStatusChangedEmail(
  context: CaseEmailContext & { status: string; replies?: readonly string[] },
): RenderedEmail {
  const words = messagesFor(context.locale);
  const status = words.caseStatuses[context.status] ?? context.status;
  return renderCaseEmail(words.caseStatusChanged, context, { status, quotes: context.replies });
}
