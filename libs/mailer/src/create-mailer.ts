import { deriveKey, type ServiceConfig } from '@portal/platform';
import type { EventStore } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { ReadModelCaseRecipients } from './case-recipients/read-model-case-recipients';
import { Mailer, type MailerOptions } from './mailer';
import { mailerSettingsFromEnv } from './mailer-settings';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';

/** The mailer of the service: outbox files in DATA_DIR/outbox unless SMTP_URL is set. */
export function createMailer(
  config: ServiceConfig,
  eventStore: EventStore,
  readStore: ReadStore,
  overrides: Partial<MailerOptions> = {},
): Mailer {
  return new Mailer({
    events: eventStore,
    checkpoints: new ReadStoreCheckpointStore(readStore),
    redisUrl: config.redisUrl,
    smtpUrl: config.smtpUrl,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    tokenSecret: deriveKey(config.jwtSecret, 'one-time-tokens'),
    fromAddress: process.env.MAIL_FROM ?? `no-reply@${new URL(config.publicUrl).hostname}`,
    recipients: new ReadModelCaseRecipients(readStore),
    queuePrefix: config.queuePrefix,
    ...mailerSettingsFromEnv(),
    ...overrides,
  });
}
