export { Mailer, defaultMailTransport, type MailerHealth, type MailerOptions } from './mailer';
export { createMailer } from './create-mailer';
export type { CheckpointStore } from './checkpoint-store.port';
export type { PendingEmail, PendingEmails } from './pending-emails.port';
export { LostEmailSweeper, type SweepResult } from './lost-email-sweeper';
export { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
export type { MailDirectory, MailPortal, MailRecipient, MailBranding } from './mail-directory.port';
export { EventStoreMailDirectory } from './event-store-mail-directory';
export type { CaseRecipients, CaseRecipient, CaseView } from './case-recipients.port';
export {
  ReadModelCaseRecipients,
  type ReadModelCaseRecipientsOptions,
} from './case-recipients/read-model-case-recipients';
export { ReadModelsBehindError } from './case-recipients/read-models-behind.error';
export { caseEmailAccess, type CaseEmailAccess } from './case-recipients/case-email-access';
export {
  CASE_EMAIL_SOURCE_EVENT_TYPES,
  caseEmailRequest,
  caseEmailTriggerFor,
  type CaseEmailTrigger,
} from './case-email-request';
export { caseLink } from './case-email-composer';
export type { MailerLogger } from './mailer-logger';
export type { MailerObserver } from './mailer-observer';
export type { EmailQueueCounts } from './email-queue.port';
export type { MailTransport } from './transports/mail-transport';
export {
  EMAIL_SOURCE_EVENT_TYPES,
  emailDeliveryStream,
  emailJobId,
  emailRequestFor,
  isCaseEmailRequest,
  type CaseEmailKind,
  type CaseEmailRequest,
  type EmailKind,
  type EmailRequest,
  type TokenEmailKind,
  type TokenEmailRequest,
} from './email-request';
export {
  emailDelivered,
  emailDeliveryFailed,
  type EmailDeliveredData,
  type EmailDeliveryFailedData,
} from './delivery-events';
export { DEFAULT_EMAIL_RETRY_POLICY, EMAIL_QUEUE_NAME, type EmailRetryPolicy } from './email-queue';
