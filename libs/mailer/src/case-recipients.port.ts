import type { CaseEmailTrigger } from './case-email-trigger';
import type { CaseEmailRequest } from './email-request';

/**
 * Who hears about a case event (CaseStatusChanged, a staff public CommentPosted on
 * `record-Case-<id>`): portal users who may read that case in a portal they belong to and want
 * case emails. Adapters read what the API's ACL reads, so an email never tells more than the
 * portal would show.
 */
export interface CaseRecipient {
  portalUserId: string;
  /** The portal whose link and branding the email uses. */
  portalId: string;
}

/** What the email may say about the case to its recipient. */
export interface CaseView {
  /** Undefined where the recipient's roles hide the case's name. */
  caseName: string | undefined;
}

export interface CaseRecipients {
  /**
   * Each recipient once. Rejects with ReadModelsBehindError while the data it judges by has not
   * caught up with the event: the caller retries later rather than judge by an older state.
   */
  forCaseEvent(trigger: CaseEmailTrigger): Promise<CaseRecipient[]>;
  /**
   * Asked again right before sending (access may have changed since the job was queued):
   * undefined when the recipient may no longer be told. Rejects like forCaseEvent.
   */
  viewFor(request: CaseEmailRequest): Promise<CaseView | undefined>;
}
