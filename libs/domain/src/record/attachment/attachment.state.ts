/** An attachment as the record's state keeps it: enough for the deciders, not the listing. */
export interface AttachmentState {
  id: string;
  sha256: string;
  isInternal: boolean;
  commentId: string | null;
  portalUserId: string | null;
  removed: boolean;
}
