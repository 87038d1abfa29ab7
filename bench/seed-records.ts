// Seeds accounts and cases by appending the domain's own events (decided by the staff decider, so
// fields and defaults are exactly what POST /v1/records/:type would store) straight to the event
// store: one `record-<Type>-<id>` stream per record. On the SQL stores many streams go into one
// transaction (one commit, one fsync per batch); elsewhere appends run concurrently. HTTP would
// take hours for 100k cases.
import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_ENTITY_TYPE,
  CASE_ENTITY_TYPE,
  CASE_PRIORITIES,
  CASE_TYPES,
  decideCreateRecord,
  initialRecordState,
  recordStream,
  type EntityTypeDefinition,
  type RecordFields,
} from '@portal/domain';
import {
  appendsInCallerTransaction,
  type EventActor,
  type EventStore,
  type NewEvent,
} from '@portal/event-store';
import type { SqlClient } from '@portal/platform';

const IN_FLIGHT = 16;
const RECORDS_PER_TRANSACTION = 500;
const STATUSES = ['New', 'Assigned', 'Pending', 'Closed'];

export class RecordSeeder {
  readonly accountIds: string[] = [];
  private cases = 0;

  /** `sql`: a client on the store's database, to put many streams in one transaction. */
  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient | undefined,
    private readonly actor: EventActor,
    private readonly progress: (text: string) => void,
  ) {}

  get caseCount(): number {
    return this.cases;
  }

  async seedAccounts(count: number): Promise<void> {
    const start = this.accountIds.length;
    await this.appendMany('accounts', count, (i) => {
      const created = this.decide(ACCOUNT_ENTITY_TYPE, { name: `Account ${start + i}`, type: 'Customer' });
      this.accountIds.push(created.id);
      return created;
    });
  }

  /** Cases spread evenly over the accounts, until `upTo` exist. */
  async seedCases(upTo: number): Promise<void> {
    if (this.accountIds.length === 0) throw new Error('seed accounts first');
    const from = this.cases;
    await this.appendMany('cases', upTo - from, (i) => {
      const n = from + i;
      return this.decide(CASE_ENTITY_TYPE, {
        name: `Case ${n}: printer out of toner`,
        description: 'The printer on the second floor shows error 0x42 after the last update.',
        accountId: this.accountIds[n % this.accountIds.length],
        status: STATUSES[n % STATUSES.length],
        priority: CASE_PRIORITIES[n % CASE_PRIORITIES.length],
        type: CASE_TYPES[n % CASE_TYPES.length],
      });
    });
    this.cases = Math.max(this.cases, upTo);
  }

  private decide(def: EntityTypeDefinition, fields: RecordFields): Created {
    const id = randomUUID();
    const command = { type: 'CreateRecord' as const, recordId: id, entityType: def.name, fields };
    const events = decideCreateRecord(command, initialRecordState, def);
    const correlationId = randomUUID();
    const metadata = {
      actor: this.actor,
      correlationId,
      causationId: correlationId,
      timestamp: new Date().toISOString(),
    };
    return {
      id,
      stream: recordStream(def.name, id),
      events: events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata })),
    };
  }

  private async appendMany(what: string, count: number, make: (i: number) => Created): Promise<void> {
    const started = Date.now();
    let done = 0;
    let reported = started;
    const report = (added: number): void => {
      done += added;
      if (Date.now() - reported < 2000) return;
      reported = Date.now();
      this.progress(
        `seeding ${what}: ${done}/${count} (${Math.round(done / ((reported - started) / 1000))}/s)`,
      );
    };
    const { store, sql } = this;
    if (sql && appendsInCallerTransaction(store)) {
      for (let from = 0; from < count; from += RECORDS_PER_TRANSACTION) {
        const batch = Array.from({ length: Math.min(RECORDS_PER_TRANSACTION, count - from) }, (_, j) =>
          make(from + j),
        );
        await sql.transaction(async (tx) => {
          for (const created of batch)
            await store.appendInTransaction(tx, created.stream, created.events, 'no-stream');
        });
        report(batch.length);
      }
    } else {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < count) {
          const created = make(next++);
          await store.append(created.stream, created.events, 'no-stream');
          report(1);
        }
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, worker));
    }
    if (count > 0) this.progress(`seeded ${count} ${what} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
}

interface Created {
  id: string;
  stream: string;
  events: NewEvent[];
}
