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
  /** The folder is made once (again after a failure), not once per message. */
  private folder: Promise<unknown> | undefined;

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
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${jobId}.eml`;
    try {
      await this.store(name, message);
    } catch (error) {
      // The folder went away meanwhile (cleaned up by hand): made again, then written once more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.folder = undefined;
      await this.store(name, message);
    }
    return { messageId: info.messageId };
  }

  private async store(name: string, message: Buffer): Promise<void> {
    this.folder ??= mkdir(this.directory, { recursive: true }).catch((error: unknown) => {
      this.folder = undefined;
      throw error;
    });
    await this.folder;
    // Written aside and renamed, so a reader of the outbox never sees half a message.
    const partial = join(this.directory, `.${name}.partial`);
    await writeFile(partial, message);
    await rename(partial, join(this.directory, name));
  }

  close(): void {
    this.transporter.close();
  }
}
