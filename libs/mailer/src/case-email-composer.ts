import type { RecordedEvent } from '@portal/event-store';
import type { CaseView } from './case-recipients.port';
import { PermanentDeliveryError } from './delivery-errors';
import { addressed, type ComposerSettings } from './email-composer';
import type { CaseEmailRequest, CaseEmailUpdate } from './email-request';
import type { OutgoingEmail } from './outgoing-email';
import { caseReplyEmail } from './templates/case-reply.template';
import { caseStatusChangedEmail } from './templates/case-status-changed.template';
import { resolveLocale } from './templates/messages/catalogue';
import type { CaseEmailContext, RenderedEmail } from './templates/rendered-email';

/** The case's page in the portal (the web app's `records/:entityType/:id` route). */
export function caseLink(publicUrl: string, slug: string, caseId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(slug)}/records/Case/${encodeURIComponent(caseId)}`;
}

/** What one update says, if it is what its kind claims (checked again: its text is what goes out). */
type Said = { status: string } | { reply: string };

function said(update: CaseEmailUpdate, event: RecordedEvent): Said {
  const data = event.data;
  if (
    update.kind === 'case-status-changed' &&
    event.type === 'CaseStatusChanged' &&
    typeof data.to === 'string'
  )
    return { status: data.to };
  // The subscriber queued only public comments.
  if (
    update.kind === 'case-reply' &&
    event.type === 'CommentPosted' &&
    data.isInternal === false &&
    typeof data.text === 'string'
  )
    return { reply: data.text };
  throw new PermanentDeliveryError(`event ${event.id} is not a ${update.kind} event`);
}

/**
 * One email for every update of the window: the latest status if the status changed (with the
 * replies quoted under it), else the replies.
 */
function render(told: Said[], context: CaseEmailContext): RenderedEmail {
  const replies = told.flatMap((t) => ('reply' in t ? [t.reply] : []));
  const statuses = told.flatMap((t) => ('status' in t ? [t.status] : []));
  const status = statuses[statuses.length - 1];
  if (status !== undefined) return caseStatusChangedEmail({ ...context, status, replies });
  return caseReplyEmail({ ...context, replies });
}

/**
 * A case email from what the recipient may see: the case's name (when readable), the new status
 * and the public comments' texts from the events themselves, and a link to the case. Nothing else of the
 * case (fields, internal notes) is read, so nothing else can leak into it.
 */
export function composeCaseEmail(
  request: CaseEmailRequest,
  updates: readonly { update: CaseEmailUpdate; event: RecordedEvent }[],
  view: CaseView,
  jobId: string,
  settings: ComposerSettings,
): OutgoingEmail {
  const { portal, recipient } = view;
  if (updates.length === 0) throw new PermanentDeliveryError(`email ${jobId} has nothing to tell`);
  const context: CaseEmailContext = {
    portal,
    recipient,
    locale: resolveLocale(recipient.language ?? portal.language),
    link: caseLink(settings.publicUrl, portal.slug, request.caseId),
    caseName: view.caseName,
  };
  const told = updates.map(({ update, event }) => said(update, event));
  return addressed(render(told, context), portal, recipient.email, jobId, settings);
}
