import type { CaseEmailTrigger } from './case-email-trigger';
import type { CaseEmailKind, CaseEmailRequest } from './email-request';
import type { MailPortal, MailRecipient } from './mail-directory.port';

/**
 * Who hears about a case event (CaseStatusChanged, a staff public CommentPosted on
 * `record-Case-<id>`): the case's followers who may read that case in a portal they belong to
 * and whose preference asks for its emails. Adapters read what the API's ACL reads, so an email never tells more than the
 * portal would show.
 */
export interface CaseRecipient {
  portalUserId: string;
  /** The portal whose link and branding the email uses. */
  portalId: string;
}

/** What the email may say about the case to its recipient, judged when sending. */
export interface CaseView {
  /** Undefined where the recipient's roles hide the case's name. */
  caseName: string | undefined;
  /** The kinds of update the recipient may be told about now (a reply needs the stream level). */
  kinds: CaseEmailKind[];
  recipient: MailRecipient;
  portal: MailPortal;
}

export interface CaseRecipients {
  /**
   * Each recipient once. Rejects with ReadModelsBehindError while the data it judges by has not
   * caught up with the event: the caller retries later rather than judge by an older state.
   */
  forCaseEvent(trigger: CaseEmailTrigger): Promise<CaseRecipient[]>;
  /**
   * Asked again right before sending (following, preference and access may have changed since the
   * job was queued): undefined when the recipient may no longer be told anything. Rejects like
   * forCaseEvent.
   */
  viewFor(request: CaseEmailRequest): Promise<CaseView | undefined>;
}
