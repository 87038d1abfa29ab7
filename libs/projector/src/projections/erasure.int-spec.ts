import { randomUUID } from 'node:crypto';
import type { EventActor, NewEvent } from '@portal/event-store';
import { READ_MODELS, type CommentDoc, type RecordDoc } from '@portal/read-models';
import { openServiceStores, type ServiceStores } from '@portal/runtime';
import { catchUp } from '../catch-up/catch-up';
import { collectionOf } from '../documents/generation-documents';
import { prepareGeneration } from '../generation/generation-collections';
import { compareGenerations } from '../verify/compare-generations';
import { ALL_PROJECTIONS, generationCollections } from './all-projections';

jest.setTimeout(120_000);

// Ids as the service draws them.
const zeb = '5b7e4a52-3f0e-4a8f-9d2a-1c0b9e6a7d01';
const keeper = '5b7e4a52-3f0e-4a8f-9d2a-1c0b9e6a7d02';
const zebContact = '6c8f5b63-4a1f-4b9a-8e3b-2d1caf7b8e01';
const keeperCase = '7d906c74-5b2a-4cab-9f4c-3e2db08c9f01';
const overwrittenCase = '7d906c74-5b2a-4cab-9f4c-3e2db08c9f02';
const portalId = '8ea17d85-6c3b-4dbc-8a5d-4f3ec19dae01';

const staff: EventActor = { type: 'staff', id: 'e1f2a3b4-0000-4000-8000-000000000001', name: 'Sam Staff' };
const zebActor: EventActor = { type: 'portalUser', id: zeb, name: 'Zebulon Quixote', portalId };
const keeperActor: EventActor = { type: 'portalUser', id: keeper, name: 'Otto Keeper', portalId };

let clock = Date.parse('2026-03-01T10:00:00.000Z');
function event(type: string, data: Record<string, unknown>, actor: EventActor): NewEvent {
  clock += 60_000;
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor,
      correlationId: randomUUID(),
      causationId: null,
      timestamp: new Date(clock).toISOString(),
    },
  };
}

const caseStream = (id: string) => `record-Case-${id}`;
const changed = (field: string, from: string | null, to: string) => ({ [field]: { from, to } });

describe("erasure projection: what the subject wrote on other people's records", () => {
  let stores: ServiceStores;

  beforeAll(async () => {
    stores = await openServiceStores(
      { eventStore: 'embedded', readStore: 'embedded', dataDir: '', dataKey: 'erasure projection spec key' },
      { inMemory: true },
    );
  });
  afterAll(async () => {
    await stores?.close();
  });

  it('shows "[erased]" for exactly their values right after the erasure, as a fresh fold of the log does', async () => {
    const { eventStore, readStore, privacy } = stores;
    const append = (stream: string, ...events: NewEvent[]) => eventStore.append(stream, events, 'any');
    await append(
      `record-Contact-${zebContact}`,
      event(
        'RecordCreated',
        {
          id: zebContact,
          entityType: 'Contact',
          fields: { firstName: 'Zebulon', lastName: 'Quixote', email: 'zeb@customer.example' },
        },
        staff,
      ),
    );
    // A case someone else created: Zeb edits its description in the middle of its history, and
    // comments on it; the other person edits it last.
    await append(
      caseStream(keeperCase),
      event(
        'RecordCreated',
        { id: keeperCase, entityType: 'Case', fields: { name: 'Printer jam', description: 'Tray 2' } },
        staff,
      ),
      event(
        'RecordUpdated',
        { entityType: 'Case', changes: changed('description', 'Tray 2', 'Zeb wrote this') },
        zebActor,
      ),
      event(
        'CommentPosted',
        { entityType: 'Case', commentId: randomUUID(), text: 'Zeb commented this', isInternal: false },
        zebActor,
      ),
      event(
        'RecordUpdated',
        { entityType: 'Case', changes: changed('name', 'Printer jam', 'Printer jam again') },
        keeperActor,
      ),
    );
    // A case where the other person overwrote what Zeb wrote: nothing of it is Zeb's any more.
    await append(
      caseStream(overwrittenCase),
      event('RecordCreated', { id: overwrittenCase, entityType: 'Case', fields: { name: 'Scanner' } }, staff),
      event(
        'RecordUpdated',
        { entityType: 'Case', changes: changed('description', null, 'Zeb again') },
        zebActor,
      ),
      event(
        'RecordUpdated',
        { entityType: 'Case', changes: changed('description', 'Zeb again', 'Keeper wrote this') },
        keeperActor,
      ),
    );

    await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
    await catchUp(eventStore, readStore, 1, ALL_PROJECTIONS);
    const record = async (id: string) =>
      (await readStore.get<RecordDoc>(collectionOf(1, READ_MODELS.records), id))!;
    expect((await record(keeperCase)).fields.description).toBe('Zeb wrote this');

    const owners = [`contact:${zebContact}`, `portalUser:${zeb}`];
    await privacy!.keys.erase(owners);
    await append(
      `dataSubject-${zebContact}`,
      event('DataSubjectErased', { subjectId: zebContact, owners, reason: 'spec', requestId: null }, staff),
    );
    await catchUp(eventStore, readStore, 1, ALL_PROJECTIONS);

    const edited = await record(keeperCase);
    expect(edited.fields).toMatchObject({ name: 'Printer jam again', description: '[erased]' });
    expect(edited.modifiedBy).toMatchObject({ id: keeper, name: 'Otto Keeper' });
    const overwritten = await record(overwrittenCase);
    expect(overwritten.fields).toMatchObject({ name: 'Scanner', description: 'Keeper wrote this' });
    expect((await record(zebContact)).fields).toMatchObject({ firstName: '[erased]', email: '[erased]' });
    const comments = await readStore.find<CommentDoc>(collectionOf(1, READ_MODELS.comments), {});
    expect(comments.items.map((c) => c.text)).toEqual(['[erased]']);

    // The live generation is what a fresh fold of the same log gives, document for document.
    await prepareGeneration(readStore, 2, ALL_PROJECTIONS);
    await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS);
    const names = generationCollections(ALL_PROJECTIONS).map((c) => c.name);
    expect(await compareGenerations(readStore, 2, 1, names)).toEqual([]);
    const dump = JSON.stringify(
      await Promise.all(names.map((name) => readStore.find(collectionOf(1, name), {}))),
    );
    for (const secret of ['Zebulon', 'Quixote', 'zeb@customer', 'Zeb wrote', 'Zeb commented', 'Zeb again'])
      expect(dump).not.toContain(secret);
    expect(dump).toContain('Keeper wrote this');
  });
});
