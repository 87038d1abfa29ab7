import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { inSpan } from '@portal/tracing';
import type { OutgoingEmail } from '../outgoing-email';
import type { MailTransport } from './mail-transport';

/** SMTP_URL unset: one RFC 5322 `.eml` file per message in DATA_DIR/outbox, named by time and job id. */
export class OutboxTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(private readonly directory: string) {
    this.description = `outbox ${directory}`;
    this.transporter = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    });
  }

  /** A span (tracing on) in the email's trace, as SMTP's would be. */
  send(email: OutgoingEmail, jobId: string): Promise<{ messageId: string }> {
    return inSpan('outbox.write', { attributes: { 'portal.email.job_id': jobId } }, () =>
      this.write(email, jobId),
    );
  }

  private async write(email: OutgoingEmail, jobId: string): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      ...email,
      disableUrlAccess: true,
      disableFileAccess: true,
    });
    const message = info.message as unknown;
    if (!Buffer.isBuffer(message)) throw new Error('nodemailer stream transport returned no buffer');
    await mkdir(this.directory, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${jobId}.eml`;
    // Written aside and renamed, so a reader of the outbox never sees half a message.
    const partial = join(this.directory, `.${name}.partial`);
    await writeFile(partial, message);
    await rename(partial, join(this.directory, name));
    return { messageId: info.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}
