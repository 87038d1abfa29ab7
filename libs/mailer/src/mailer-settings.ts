import type { MailerOptions } from './mailer';
import { DEFAULT_SMTP_MAX_CONNECTIONS } from './transports/smtp.transport';

export class MailerSettingsError extends Error {
  override readonly name = 'MailerSettingsError';
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new MailerSettingsError(`${name} must be a whole number of at least ${min}, got '${raw}'`);
  return value;
}

/** Default coalescing window of case emails: five minutes. */
export const DEFAULT_CASE_EMAIL_WINDOW_SECONDS = 300;
/** Default emails in flight at once. */
export const DEFAULT_MAILER_CONCURRENCY = 32;
/** Default events the subscriber handles together, and outcomes written together. */
export const DEFAULT_MAILER_BATCH_SIZE = 32;

/**
 * The mailer's own settings from the environment: CASE_EMAIL_WINDOW_SECONDS (0 turns coalescing
 * off), MAILER_CONCURRENCY, MAILER_BATCH_SIZE and SMTP_MAX_CONNECTIONS.
 */
export function mailerSettingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<MailerOptions, 'coalesceWindowMs' | 'concurrency' | 'batchSize' | 'smtpMaxConnections'> {
  return {
    coalesceWindowMs:
      wholeNumber(env, 'CASE_EMAIL_WINDOW_SECONDS', DEFAULT_CASE_EMAIL_WINDOW_SECONDS, 0) * 1000,
    concurrency: wholeNumber(env, 'MAILER_CONCURRENCY', DEFAULT_MAILER_CONCURRENCY, 1),
    batchSize: wholeNumber(env, 'MAILER_BATCH_SIZE', DEFAULT_MAILER_BATCH_SIZE, 1),
    smtpMaxConnections: wholeNumber(env, 'SMTP_MAX_CONNECTIONS', DEFAULT_SMTP_MAX_CONNECTIONS, 1),
  };
}
