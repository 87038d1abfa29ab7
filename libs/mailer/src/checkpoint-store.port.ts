import type { PendingEmail } from './pending-emails.port';

/** Where the subscriber keeps the global position of the last event it has enqueued an email for. */
export interface CheckpointStore {
  load(): Promise<number | undefined>;
  /**
   * Never moves backwards. The jobs enqueued for the event at `position` are recorded as pending in
   * the same transaction, so no job is in Redis alone once the checkpoint has moved past it.
   */
  save(position: number, enqueued?: PendingEmail[]): Promise<void>;
}
