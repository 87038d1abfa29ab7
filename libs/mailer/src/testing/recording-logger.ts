import type { MailerLogger } from '../mailer-logger';

/** Keeps every log line, so tests can check what was said (and that no token was). */
export class RecordingLogger implements MailerLogger {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(`log ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}
