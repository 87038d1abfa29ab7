export { Mailer, defaultMailTransport, type MailerOptions } from './mailer';
export type { CheckpointStore } from './checkpoint-store.port';
export { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
export type { MailDirectory, MailPortal, MailRecipient, MailBranding } from './mail-directory.port';
export { EventStoreMailDirectory } from './event-store-mail-directory';
export type { CaseRecipients, CaseRecipient } from './case-recipients.port';
export type { MailerLogger } from './mailer-logger';
export type { MailTransport } from './transports/mail-transport';
export {
  EMAIL_SOURCE_EVENT_TYPES,
  emailDeliveryStream,
  emailJobId,
  emailRequestFor,
  type EmailKind,
  type EmailRequest,
} from './email-request';
export type { EmailDeliveredData, EmailDeliveryFailedData } from './delivery-events';
export { DEFAULT_EMAIL_RETRY_POLICY, EMAIL_QUEUE_NAME, type EmailRetryPolicy } from './email-queue';
