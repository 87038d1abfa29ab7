import type { OutgoingEmail } from '../outgoing-email';

/** Where a rendered email goes: an SMTP server, or a folder of .eml files. */
export interface MailTransport {
  /** Resolves with the Message-ID once the message is accepted; throws as nodemailer does. */
  send(email: OutgoingEmail, jobId: string): Promise<{ messageId: string }>;
  /** Where mail goes, for the log (no password). */
  readonly description: string;
  close(): void;
}
