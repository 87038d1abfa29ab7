/** Where the subscriber keeps the global position of the last event it has enqueued an email for. */
export interface CheckpointStore {
  load(): Promise<number | undefined>;
  /** Never moves backwards. */
  save(position: number): Promise<void>;
}
