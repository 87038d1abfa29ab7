import { OPERATIONAL } from '@portal/read-models';
import type { Document, ReadStore } from '@portal/read-store';
import type { CheckpointStore } from './checkpoint-store.port';
import type { PendingEmail, PendingEmails, PendingEmailsSummary } from './pending-emails.port';

export const PENDING_EMAILS_COLLECTION = OPERATIONAL.mailerPendingEmails;

interface PendingEmailDocument extends PendingEmail {
  id: string;
  /** The checkpoint name: two mailers with their own checkpoints keep their own lists. */
  ledger: string;
  /** Present (true) only while `dueAt` is: the filter of scheduled entries. */
  scheduled?: true;
}

const SCHEDULED = { kind: 'eq', path: 'scheduled', value: true } as const;

/**
 * The mailer's checkpoint as a projection checkpoint of the read store, and its pending jobs as
 * documents written in the same transaction.
 */
export class ReadStoreCheckpointStore implements CheckpointStore, PendingEmails {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly readStore: ReadStore,
    private readonly name = 'mailer',
  ) {}

  load(): Promise<number | undefined> {
    return this.readStore.getCheckpoint(this.name);
  }

  async save(position: number, enqueued: PendingEmail[] = []): Promise<void> {
    if (enqueued.length > 0) await this.ensureCollection();
    await this.readStore.transact(this.name, async (tx, current) => {
      if (enqueued.length > 0)
        await tx.putMany(
          PENDING_EMAILS_COLLECTION,
          enqueued.map((pending) => this.document(pending)),
        );
      return current === undefined ? position : Math.max(current, position);
    });
  }

  async list(limit: number): Promise<PendingEmail[]> {
    const { items } = await this.oldest(limit);
    return items.map(entryOf);
  }

  async summary(): Promise<PendingEmailsSummary> {
    const [{ items, total }, scheduled] = await Promise.all([this.oldest(1), this.oldest(1, true)]);
    return {
      count: total - scheduled.total,
      oldestEnqueuedAt: items[0]?.enqueuedAt ?? null,
      scheduled: scheduled.total,
    };
  }

  async scheduled(): Promise<PendingEmail[]> {
    const { items } = await this.oldest(100_000, true);
    return items.map(entryOf);
  }

  async release(entries: PendingEmail[]): Promise<void> {
    if (entries.length === 0) return;
    await this.ensureCollection();
    await this.readStore.write(async (tx) => {
      await tx.putMany(
        PENDING_EMAILS_COLLECTION,
        entries.map(({ dueAt: _released, ...entry }) => this.document(entry)),
      );
    });
  }

  private async oldest(limit: number, scheduledOnly = false) {
    await this.ensureCollection();
    const ledger = { kind: 'eq', path: 'ledger', value: this.name } as const;
    return this.readStore.find<PendingEmailDocument>(PENDING_EMAILS_COLLECTION, {
      filter: scheduledOnly ? { kind: 'and', filters: [ledger, SCHEDULED] } : ledger,
      sort: [{ path: 'enqueuedAt', direction: 'asc' }],
      limit,
    });
  }

  async settle(jobIds: string[]): Promise<void> {
    if (jobIds.length === 0) return;
    await this.ensureCollection();
    await this.readStore.write(async (tx) => {
      await tx.deleteIds(
        PENDING_EMAILS_COLLECTION,
        jobIds.map((jobId) => this.documentId(jobId)),
      );
    });
  }

  private document(pending: PendingEmail): Document {
    const doc: PendingEmailDocument = {
      id: this.documentId(pending.jobId),
      ledger: this.name,
      ...pending,
      ...(pending.dueAt === undefined ? {} : { scheduled: true }),
    };
    return { ...doc };
  }

  private documentId(jobId: string): string {
    return `${this.name}:${jobId}`;
  }

  private ensureCollection(): Promise<void> {
    this.ready ??= this.readStore
      .ensureCollection(PENDING_EMAILS_COLLECTION, [
        { name: 'mailer_pending_by_ledger', paths: ['ledger', 'enqueuedAt'] },
      ])
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }
}

function entryOf({ jobId, request, enqueuedAt, dueAt }: PendingEmailDocument): PendingEmail {
  return dueAt === undefined ? { jobId, request, enqueuedAt } : { jobId, request, enqueuedAt, dueAt };
}
