/** A rendered message ready for a transport. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per job: a resend after a crash carries the same Message-ID, so clients can fold duplicates. */
  messageId: string;
}
