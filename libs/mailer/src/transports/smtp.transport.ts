import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { OutgoingEmail } from '../outgoing-email';
import type { MailTransport } from './mail-transport';
import { inSpan } from '@portal/tracing';

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'smtp (unparsable SMTP_URL)';
  }
}

/** Connections kept open to the SMTP server by default (nodemailer's own default). */
export const DEFAULT_SMTP_MAX_CONNECTIONS = 5;

/**
 * SMTP_URL set: nodemailer's pooled SMTP transport, so a message reuses an open, greeted connection
 * instead of paying a TCP connect, EHLO (and TLS) each. Short timeouts, so an outage becomes a
 * retry, not a hung job.
 */
export class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(smtpUrl: string, maxConnections = DEFAULT_SMTP_MAX_CONNECTIONS) {
    this.description = withoutPassword(smtpUrl);
    const options: SMTPPool.Options = {
      url: smtpUrl,
      pool: true,
      maxConnections,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    };
    this.transporter = nodemailer.createTransport(options);
  }

  send(email: OutgoingEmail): Promise<{ messageId: string }> {
    // A client span (tracing on) with the server's address only, never the recipient.
    return inSpan(
      'smtp.send',
      { kind: 'client', attributes: { 'server.address': this.description } },
      async () => {
        const info = await this.transporter.sendMail({
          ...email,
          disableUrlAccess: true,
          disableFileAccess: true,
        });
        return { messageId: info.messageId };
      },
    );
  }

  close(): void {
    this.transporter.close();
  }
}
