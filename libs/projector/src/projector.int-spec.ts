import { mergeRoles, scopeFilter, type AclUser, type PortalContext, type RoleDefinition } from '@portal/acl';
import type { NewEvent, RecordedEvent } from '@portal/event-store';
import type { Document } from '@portal/read-store';
import {
  OPERATIONAL,
  READ_MODELS,
  ReadModelNames,
  projectorCheckpoint,
  type PortalDoc,
  type PortalRoleDoc,
  type PortalUserDoc,
  type RecordDoc,
} from '@portal/read-models';
import { applyBatch } from './catch-up/apply-batch';
import { catchUp } from './catch-up/catch-up';
import { collectionOf } from './documents/generation-documents';
import { readActiveGeneration } from './generation/active-generation';
import { existingGenerations, prepareGeneration } from './generation/generation-collections';
import { Projector } from './projector';
import { silentProjectorLogger } from './projector-logger';
import { ALL_PROJECTIONS, generationCollections } from './projections/all-projections';
import { appendHistory, buildHistory, SMALL_SCENARIO, type Append } from './testing/history-scenario';
import { openTestStores, testStoreKinds, type TestStores } from './testing/test-stores';
import { compareGenerations } from './verify/compare-generations';
import { verifyReadModels } from './verify/verify';

/** A document shape as the read store hands it out. */
type Stored<T> = T & Document;

const NAMES = generationCollections().map((c) => c.name);

const started: Projector[] = [];

function projector(
  stores: TestStores,
  extra: Partial<ConstructorParameters<typeof Projector>[0]> = {},
): Projector {
  const created = new Projector({
    events: stores.eventStore,
    store: stores.readStore,
    logger: silentProjectorLogger,
    batchSize: 50,
    retireDelayMs: 1_500,
    pointerPollMs: 100,
    ...extra,
  });
  started.push(created);
  return created;
}

async function replayInto(stores: TestStores, generation: number): Promise<void> {
  await prepareGeneration(stores.readStore, generation, ALL_PROJECTIONS);
  await catchUp(stores.eventStore, stores.readStore, generation, ALL_PROJECTIONS, { batchSize: 1_000 });
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function waitForCheckpoint(stores: TestStores, generation: number): Promise<void> {
  const head = await stores.eventStore.headPosition();
  await waitUntil(
    async () => ((await stores.readStore.getCheckpoint(projectorCheckpoint(generation))) ?? -2) >= head,
    `generation ${generation} to reach ${head}`,
  );
}

describe.each(testStoreKinds())('projector on %s stores', (kind) => {
  let stores: TestStores;
  let history: Append[];

  beforeEach(async () => {
    stores = await openTestStores(kind);
    history = buildHistory(SMALL_SCENARIO, 7);
  });

  afterEach(async () => {
    // A failed test must not leave a projector writing into closed stores.
    await Promise.all(started.splice(0).map((p) => p.stop()));
    await stores.dispose();
  });

  it('builds the same read models live (events arriving while it runs) as a clean replay', async () => {
    const half = Math.floor(history.length / 2);
    await appendHistory(stores.eventStore, history.slice(0, half));
    const live = projector(stores);
    await live.start();
    await live.caughtUp();
    await appendHistory(stores.eventStore, history.slice(half));
    await waitForCheckpoint(stores, 1);
    await live.stop();

    await replayInto(stores, 9);
    expect(await compareGenerations(stores.readStore, 9, 1, NAMES)).toEqual([]);
    const records = await stores.readStore.find<Stored<RecordDoc>>(collectionOf(1, READ_MODELS.records));
    expect(records.total).toBeGreaterThan(20);
    const result = await verifyReadModels({
      events: stores.eventStore,
      store: stores.readStore,
      projections: ALL_PROJECTIONS,
      logger: silentProjectorLogger,
    });
    expect(result.differences).toEqual([]);
  });

  it('changes nothing when the same events are delivered twice, even past the checkpoint', async () => {
    await appendHistory(stores.eventStore, history);
    await replayInto(stores, 1);
    await replayInto(stores, 2);
    const events: RecordedEvent[] = await stores.eventStore.readAll();
    // Through the checkpoint: every event is at or below it, so the batch is skipped.
    expect(await applyBatch(stores.readStore, 1, ALL_PROJECTIONS, events, stores.eventStore)).toBe(
      events[events.length - 1].position,
    );
    // Without it: the per-stream revisions (and ids) still make the events no-ops.
    await stores.readStore.deleteCheckpoint(projectorCheckpoint(1));
    for (let i = 0; i < events.length; i += 100) {
      await applyBatch(stores.readStore, 1, ALL_PROJECTIONS, events.slice(i, i + 100), stores.eventStore);
    }
    expect(await compareGenerations(stores.readStore, 2, 1, NAMES)).toEqual([]);
  });

  it('detects a drifted read model in verify', async () => {
    await appendHistory(stores.eventStore, history);
    const live = projector(stores);
    await live.start();
    await live.caughtUp();
    await live.stop();
    const records = collectionOf(1, READ_MODELS.records);
    const { items } = await stores.readStore.find<Stored<RecordDoc>>(records, { limit: 1 });
    await stores.readStore.write((tx) => tx.put(records, { ...items[0], accountIds: ['tampered'] }));
    const result = await verifyReadModels({
      events: stores.eventStore,
      store: stores.readStore,
      projections: ALL_PROJECTIONS,
      logger: silentProjectorLogger,
    });
    expect(result.differences).toEqual([
      expect.objectContaining({ collection: READ_MODELS.records, id: items[0].id, kind: 'different' }),
    ]);
    expect(await existingGenerations(stores.readStore)).toEqual([1]);
  });

  it('reflects role and tab-list changes in scoped record queries', async () => {
    await appendHistory(stores.eventStore, history);
    const live = projector(stores);
    await live.start();
    await live.caughtUp();
    const names = new ReadModelNames(stores.readStore, 0);
    const users = await stores.readStore.find<Stored<PortalUserDoc>>(
      await names.collection(READ_MODELS.portalUsers),
      {
        filter: { kind: 'eq', path: 'status', value: 'active' },
        limit: 1,
      },
    );
    const user = users.items[0];
    const portalId = user.portalIds[0];

    const visibleCases = async (): Promise<RecordDoc[]> => {
      const portal = (await stores.readStore.get<Stored<PortalDoc>>(
        await names.collection(READ_MODELS.portals),
        portalId,
      ))!;
      const roles = await Promise.all(
        portal.roleIds.map((id) =>
          stores.readStore.get<Stored<PortalRoleDoc>>(`g1_${READ_MODELS.portalRoles}`, id),
        ),
      );
      const perms = mergeRoles(
        roles.filter((r): r is Stored<PortalRoleDoc> => r !== null) as unknown as RoleDefinition[],
      );
      const ctx: PortalContext = {
        portalId,
        tabList: portal.tabList,
        recordCriteria: portal.recordCriteria as PortalContext['recordCriteria'],
      };
      const aclUser: AclUser = {
        portalUserId: user.id,
        portalId,
        contactId: user.contactId,
        accountIds: user.accountIds,
      };
      const filter = scopeFilter(ctx, perms, aclUser, 'Case');
      const { items } = await stores.readStore.find<Stored<RecordDoc>>(
        await names.collection(READ_MODELS.records),
        {
          filter,
        },
      );
      return items;
    };

    const allCases = await stores.readStore.find<Stored<RecordDoc>>(
      await names.collection(READ_MODELS.records),
      {
        filter: { kind: 'eq', path: 'entityType', value: 'Case' },
      },
    );
    // `account` reaches the user's accounts, their contact and what they created themselves.
    const reachable = (r: RecordDoc): boolean =>
      r.accountIds.some((id) => user.accountIds.includes(id)) ||
      (user.contactId !== null && r.contactIds.includes(user.contactId)) ||
      r.createdByPortalUserId === user.id;
    const byAccount = await visibleCases();
    expect(byAccount.length).toBeGreaterThan(0);
    expect(byAccount.every(reachable)).toBe(true);
    expect(byAccount.map((r) => r.id).sort()).toEqual(
      allCases.items
        .filter((r) => reachable(r) && !r.deleted)
        .map((r) => r.id)
        .sort(),
    );

    const role = (await stores.readStore.find<Stored<PortalRoleDoc>>(`g1_${READ_MODELS.portalRoles}`))
      .items[0];
    const admin = { type: 'staff' as const, id: role.createdBy.id, name: 'Ada Admin' };
    const event = (type: string, data: Record<string, unknown>): NewEvent => ({
      id: crypto.randomUUID(),
      type,
      data,
      metadata: {
        actor: admin,
        correlationId: crypto.randomUUID(),
        causationId: null,
        timestamp: new Date().toISOString(),
      },
    });
    const ownScopes = { ...role.scopes, Case: { ...role.scopes.Case, read: 'own' } };
    await stores.eventStore.append(
      `portalRole-${role.id}`,
      [
        event('PortalRoleChanged', {
          roleId: role.id,
          changes: { scopes: { from: role.scopes, to: ownScopes } },
        }),
      ],
      role.revision,
    );
    await waitForCheckpoint(stores, 1);
    const own = await visibleCases();
    expect(own.every((r) => r.createdByPortalUserId === user.id)).toBe(true);
    expect(own.length).toBeLessThan(byAccount.length + 1);

    const portal = (await stores.readStore.get<Stored<PortalDoc>>(`g1_${READ_MODELS.portals}`, portalId))!;
    await stores.eventStore.append(
      `portal-${portalId}`,
      [
        event('PortalSettingsChanged', {
          portalId,
          changes: { tabList: { from: portal.tabList, to: ['Project'] } },
        }),
      ],
      portal.revision,
    );
    await waitForCheckpoint(stores, 1);
    expect(
      (await stores.readStore.get<Stored<PortalDoc>>(`g1_${READ_MODELS.portals}`, portalId))!.tabList,
    ).toEqual(['Project']);
    expect(await visibleCases()).toEqual([]);
    await live.stop();
  });

  it('rebuilds into a new generation while queries keep being answered', async () => {
    await appendHistory(stores.eventStore, history);
    const live = projector(stores);
    await live.start();
    await live.caughtUp();
    const names = new ReadModelNames(stores.readStore);
    const expected = (await stores.readStore.find(await names.collection(READ_MODELS.records))).total;
    const answers: number[] = [];
    let querying = true;
    const queries = (async () => {
      while (querying) {
        const collection = await names.collection(READ_MODELS.records);
        answers.push((await stores.readStore.find(collection, { limit: 5 })).total);
        // Requests arrive through I/O: let the event loop turn between them.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await live.rebuild();
    querying = false;
    await queries;
    await live.stop();

    expect(result).toMatchObject({ from: 1, to: 2 });
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.every((total) => total === expected)).toBe(true);
    expect((await readActiveGeneration(stores.readStore))?.generation).toBe(2);
    expect(await existingGenerations(stores.readStore)).toEqual([2]);
  });

  it('rebuilds by itself when the stored projection version differs', async () => {
    await appendHistory(stores.eventStore, history);
    const v1 = projector(stores, { version: 1 });
    await v1.start();
    await v1.caughtUp();
    await v1.stop();
    const v2 = projector(stores, { version: 2 });
    await v2.start();
    await waitUntil(
      async () => (await readActiveGeneration(stores.readStore))?.projectionVersion === 2,
      'the switch',
    );
    await waitUntil(
      async () => (await existingGenerations(stores.readStore)).join() === '2',
      'the old generation dropped',
    );
    await v2.stop();
    const meta = await stores.readStore.get(OPERATIONAL.readModelMeta, 'active');
    expect(meta).toMatchObject({ generation: 2, projectionVersion: 2 });
  });
});
