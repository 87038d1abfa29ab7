/** What the mailer logs through: Nest's Logger fits, and so does the console. Never given a token or link. */
export interface MailerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleMailerLogger: MailerLogger = {
  log: (message) => console.log(`[mailer] ${message}`),
  warn: (message) => console.warn(`[mailer] ${message}`),
  error: (message) => console.error(`[mailer] ${message}`),
};
