import type { ReadStore } from '@portal/read-store';
import type { CheckpointStore } from './checkpoint-store.port';

/** The mailer's checkpoint as a projection checkpoint of the read store (no documents written). */
export class ReadStoreCheckpointStore implements CheckpointStore {
  constructor(
    private readonly readStore: ReadStore,
    private readonly name = 'mailer',
  ) {}

  load(): Promise<number | undefined> {
    return this.readStore.getCheckpoint(this.name);
  }

  async save(position: number): Promise<void> {
    await this.readStore.transact(this.name, async (_tx, current) =>
      current === undefined ? position : Math.max(current, position),
    );
  }
}
