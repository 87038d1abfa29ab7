// A replay's fold on its own, without a database: bench-shaped events (accounts, then cases, as
// rebuild-probe seeds them) folded through every projection in 2,000-event batches into
// BatchDocuments over a store that holds nothing, the new documents encoded as COPY text as the SQL
// read store encodes them. Prints the process's CPU µs per event for each of PROBE_PASSES passes
// (default 6; the first ones warm up). PROBE_CASES (default 10000). The figure load moves least of a
// rebuild's: for comparing fold or encoding changes, alternated with the code before them.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_ENTITY_TYPE,
  CASE_ENTITY_TYPE,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TYPES,
  decideCreateRecord,
  initialRecordState,
  recordStream,
  type EntityTypeDefinition,
  type RecordFields,
} from '@portal/domain';
import type { RecordedEvent } from '@portal/event-store';
import { copyJsonField, copyTextField } from '@portal/platform';
import type { Document, ReadStoreTransaction } from '@portal/read-store';
import { readsOf } from '../libs/projector/src/catch-up/apply-batch';
import { BatchDocuments } from '../libs/projector/src/documents/batch-documents';
import { GenerationDocuments } from '../libs/projector/src/documents/generation-documents';
import { ALL_PROJECTIONS } from '../libs/projector/src/projections/all-projections';

const BATCH = 2_000;
const actor = { type: 'staff' as const, id: 'probe-staff', name: 'Probe seeder' };
let position = 0;

/** A record's creation as the log hands it back (a JSON round trip, as a read's rows are). */
function created(def: EntityTypeDefinition, fields: RecordFields): RecordedEvent[] {
  const id = randomUUID();
  const command = { type: 'CreateRecord' as const, recordId: id, entityType: def.name, fields };
  const correlationId = randomUUID();
  const metadata = { actor, correlationId, causationId: correlationId, timestamp: new Date().toISOString() };
  return decideCreateRecord(command, initialRecordState, def).map(
    (e, revision) =>
      JSON.parse(
        JSON.stringify({
          id: randomUUID(),
          stream: recordStream(def.name, id),
          type: e.type,
          version: 1,
          data: e.data,
          metadata,
          revision,
          position: position++,
          recordedAt: new Date().toISOString(),
        }),
      ) as RecordedEvent,
  );
}

function history(cases: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const accounts: string[] = [];
  for (let i = 0; i < Math.max(1, Math.round(cases / 200)); i++) {
    const account = created(ACCOUNT_ENTITY_TYPE, { name: `Account ${i}`, type: 'Customer' });
    accounts.push(account[0].stream.slice(`record-${ACCOUNT_ENTITY_TYPE.name}-`.length));
    events.push(...account);
  }
  for (let n = 0; n < cases; n++) {
    events.push(
      ...created(CASE_ENTITY_TYPE, {
        name: `Case ${n}: printer out of toner`,
        description: 'The printer on the second floor shows error 0x42 after the last update.',
        accountId: accounts[n % accounts.length],
        status: CASE_STATUSES[n % CASE_STATUSES.length],
        priority: CASE_PRIORITIES[n % CASE_PRIORITIES.length],
        type: CASE_TYPES[n % CASE_TYPES.length],
      }),
    );
  }
  return events;
}

/** Characters of COPY text encoded so far (reported, so the encoding is not optimised away). */
let encoded = 0;

/** A transaction over an empty store that encodes what it is given to write, as COPY text. */
function encodingTransaction(): ReadStoreTransaction {
  const encode = async (_collection: string, docs: readonly Document[]): Promise<void> => {
    const lines: string[] = [];
    for (const doc of docs) lines.push(`${copyTextField(doc.id)}\t${copyJsonField(JSON.stringify(doc))}\n`);
    encoded += lines.join('').length;
  };
  const empty = {
    get: () => Promise.resolve(null),
    getMany: () => Promise.resolve([]),
    getManyAcross: () => Promise.resolve(new Map<string, Document[]>()),
    insertMany: encode,
    putMany: encode,
    deleteIds: () => Promise.resolve(),
  };
  return empty as unknown as ReadStoreTransaction;
}

async function pass(events: readonly RecordedEvent[]): Promise<number> {
  const log = { readStream: (): RecordedEvent[] => [] };
  const started = process.cpuUsage();
  for (let from = 0; from < events.length; from += BATCH) {
    const batch = events.slice(from, from + BATCH);
    const docs = new GenerationDocuments(new BatchDocuments(encodingTransaction()), 1);
    await docs.prefetch(readsOf(batch, ALL_PROJECTIONS, true));
    for (const event of batch)
      for (const projection of ALL_PROJECTIONS) await projection.apply(event, docs, log);
    await docs.flush();
  }
  const cpu = process.cpuUsage(started);
  return (cpu.user + cpu.system) / events.length;
}

async function main(): Promise<void> {
  const events = history(Number(process.env.PROBE_CASES ?? 10_000));
  const passes = Number(process.env.PROBE_PASSES ?? 6);
  for (let i = 0; i < passes; i++) {
    encoded = 0;
    const cpuPerEventUs = Math.round((await pass(events)) * 10) / 10;
    const copyCharsPerEvent = Math.round(encoded / events.length);
    console.log(JSON.stringify({ pass: i + 1, events: events.length, cpuPerEventUs, copyCharsPerEvent }));
  }
}

void main();
