import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore, type EventStore } from '@portal/event-store';
import { openEmbeddedReadStore, type ReadStore } from '@portal/read-store';
import { Mailer, type MailerOptions } from '../mailer';
import { deleteRedisPrefix, randomQueuePrefix } from './redis-test-prefix';

/**
 * What a mailer integration test file shares: an embedded event store and read store and a data
 * directory for the whole file, and the mailers and Redis prefixes its tests used. `register`
 * adds the Jest hooks: mailers stop after each test, everything else is removed after the file.
 */
export class MailerTestBed {
  private openEvents: EventStore | undefined;
  private openReadStore: ReadStore | undefined;
  private tempDir: string | undefined;
  private readonly prefixes: string[] = [];
  private readonly running: Mailer[] = [];

  private constructor() {}

  static register(dataDirPrefix: string): MailerTestBed {
    const bed = new MailerTestBed();
    beforeAll(async () => {
      bed.openEvents = await openEmbeddedEventStore(undefined);
      bed.openReadStore = await openEmbeddedReadStore(undefined);
      bed.tempDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
    });
    afterEach(async () => {
      await Promise.all(bed.running.splice(0).map((m) => m.stop()));
    });
    afterAll(async () => {
      await bed.openEvents?.close();
      await bed.openReadStore?.close();
      await Promise.all(bed.prefixes.map(deleteRedisPrefix));
      if (bed.tempDir) rmSync(bed.tempDir, { recursive: true, force: true });
    });
    return bed;
  }

  get events(): EventStore {
    return opened(this.openEvents);
  }

  get readStore(): ReadStore {
    return opened(this.openReadStore);
  }

  get dataDir(): string {
    return opened(this.tempDir);
  }

  /** A BullMQ prefix of its own, whose Redis keys are deleted after the file. */
  queuePrefix(): string {
    const prefix = randomQueuePrefix();
    this.prefixes.push(prefix);
    return prefix;
  }

  async startMailer(options: MailerOptions): Promise<Mailer> {
    const mailer = new Mailer(options);
    this.running.push(mailer);
    await mailer.start();
    return mailer;
  }

  /** Stops a mailer before the test ends (a restart, an outage). */
  async stopMailer(mailer: Mailer): Promise<void> {
    await mailer.stop();
    this.running.splice(this.running.indexOf(mailer), 1);
  }

  /** How many outcome events of this type (EmailDelivered, EmailDeliveryFailed) name these source events. */
  async outcomes(type: string, sourceEventIds: string[]): Promise<number> {
    const recorded = await this.events.readAll({ filter: { eventTypes: [type] } });
    return recorded.filter((e) => sourceEventIds.includes(e.data.sourceEventId as string)).length;
  }
}

function opened<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the mailer test bed opens in beforeAll');
  return value;
}
