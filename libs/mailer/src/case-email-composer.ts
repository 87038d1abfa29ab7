import type { RecordedEvent } from '@portal/event-store';
import type { CaseView } from './case-recipients.port';
import { PermanentDeliveryError } from './delivery-errors';
import { addressed, type ComposerSettings } from './email-composer';
import type { CaseEmailRequest } from './email-request';
import type { MailPortal, MailRecipient } from './mail-directory.port';
import type { OutgoingEmail } from './outgoing-email';
import { caseReplyEmail } from './templates/case-reply.template';
import { caseStatusChangedEmail } from './templates/case-status-changed.template';
import { resolveLocale } from './templates/messages/catalogue';
import type { CaseEmailContext, RenderedEmail } from './templates/rendered-email';

/** The case's page in the portal (the web app's `records/:entityType/:id` route). */
export function caseLink(publicUrl: string, slug: string, caseId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(slug)}/records/Case/${encodeURIComponent(caseId)}`;
}

function render(request: CaseEmailRequest, source: RecordedEvent, context: CaseEmailContext): RenderedEmail {
  const data = source.data;
  if (
    request.kind === 'case-status-changed' &&
    source.type === 'CaseStatusChanged' &&
    typeof data.to === 'string'
  )
    return caseStatusChangedEmail({ ...context, status: data.to });
  // The subscriber queued only public comments; checked again since the text is what goes out.
  if (
    request.kind === 'case-reply' &&
    source.type === 'CommentPosted' &&
    data.isInternal === false &&
    typeof data.text === 'string'
  )
    return caseReplyEmail({ ...context, comment: data.text });
  throw new PermanentDeliveryError(`event ${source.id} is not a ${request.kind} event`);
}

/**
 * A case email from what the recipient may see: the case's name (when readable), the new status
 * or the public comment's text from the source event, and a link to the case. Nothing else of the
 * case (fields, internal notes) is read, so nothing else can leak into it.
 */
export function composeCaseEmail(
  request: CaseEmailRequest,
  source: RecordedEvent,
  view: CaseView,
  portal: MailPortal,
  recipient: MailRecipient,
  jobId: string,
  settings: ComposerSettings,
): OutgoingEmail {
  const context: CaseEmailContext = {
    portal,
    recipient,
    locale: resolveLocale(recipient.language ?? portal.language),
    link: caseLink(settings.publicUrl, portal.slug, request.caseId),
    caseName: view.caseName,
  };
  return addressed(render(request, source, context), portal, recipient.email, jobId, settings);
}
