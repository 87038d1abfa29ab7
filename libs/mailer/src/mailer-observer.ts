import type { EmailKind } from './email-request';

/**
 * What the mailer's worker tells whoever counts it (the runtime wires Prometheus to it), so the
 * mailer stays free of any metrics library. `kind` is the email's kind (invitation, password
 * reset, case status…), a set the code bounds.
 */
export interface MailerObserver {
  /** The transport took the message and EmailDelivered is stored. */
  delivered(kind: EmailKind): void;
  /** A try failed and the queue will try again later. */
  retried(kind: EmailKind): void;
  /** Given up (permanent error or last try): EmailDeliveryFailed is stored. */
  failed(kind: EmailKind): void;
}
