import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
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

/** SMTP_URL set: nodemailer over SMTP. Short timeouts, so an outage becomes a retry, not a hung job. */
export class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    this.description = withoutPassword(smtpUrl);
    const options: SMTPTransport.Options = {
      url: smtpUrl,
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
