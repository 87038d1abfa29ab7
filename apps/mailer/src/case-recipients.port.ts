/**
 * The seam for case emails (CaseStatusChanged, staff public CommentPosted on `record-Case-<id>`):
 * who may read that case in which portal and wants to hear about it (notifyOnCaseUpdates). It
 * needs the read models (scope filter over portal users and their roles), so no adapter yet and
 * the subscriber does not map case events; an implementation plugs in here.
 */
export interface CaseRecipient {
  portalUserId: string;
  portalId: string;
}

export interface CaseRecipients {
  forCaseEvent(caseId: string, sourceEventId: string): Promise<CaseRecipient[]>;
}
