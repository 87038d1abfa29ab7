import { ALL, canRead, mergeRoles, type AccessLevel, type RoleDefinition } from '@portal/acl';
import type { ServiceConfig } from '@portal/platform';
import type { ReadModelNames, RecordDoc } from '@portal/read-models';
import type { FindQuery } from '@portal/read-store';
import type { PortalAccess } from '../../auth/portal-access';
import type { ReadModelsAt } from '../../auth/read-model-cache/checkpoint-cache';
import type { ListQuery } from '../../http/list-query';
import type { RecordDocuments } from '../../records/record-documents';
import { PortalRecordReads } from './portal-record-reads';

const aCase = (id: string, fields: Record<string, unknown> = { name: 'Printer', secret: 's' }): RecordDoc =>
  ({
    id,
    entityType: 'Case',
    fields,
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    revision: 0,
  }) as unknown as RecordDoc;

const role = (read: AccessLevel, hidden: string[] = []): RoleDefinition => ({
  id: `r-${read}-${hidden.join()}`,
  name: 'Role',
  scopes: { Case: { read } },
  fields: { Case: Object.fromEntries(hidden.map((field) => [field, { read: 'no' }])) },
});

function accessOf(
  portalUserId: string,
  accountIds: string[],
  roles: RoleDefinition[] = [role('account')],
): PortalAccess {
  return {
    ctx: { portalId: 'p-1', tabList: ['Case'], recordCriteria: {} },
    perms: mergeRoles(roles),
    user: { portalUserId, portalId: 'p-1', contactId: null, accountIds },
  } as unknown as PortalAccess;
}

const list: ListQuery = {
  page: 1,
  perPage: 20,
  sort: [{ path: 'createdAt', direction: 'desc' }],
  offset: 0,
  limit: 20,
  filter: ALL,
  filters: {},
};

const at = (checkpoint: number, recordsMarks?: string, projection = 'projector_g1'): ReadModelsAt => ({
  projection,
  checkpoint,
  ...(recordsMarks !== undefined ? { recordsMarks } : {}),
});

function setUp(stored: RecordDoc[] = [aCase('c-1')], cache = true) {
  const finds: { query: FindQuery; generation?: number }[] = [];
  const gets: string[] = [];
  const documents = {
    find: (query: FindQuery, generation?: number) => {
      finds.push({ query, generation });
      return Promise.resolve({ items: stored.map((doc) => ({ ...doc })), total: stored.length });
    },
    byId: (id: string) => {
      gets.push(id);
      return Promise.resolve(stored.find((doc) => doc.id === id) ?? null);
    },
  } as unknown as RecordDocuments;
  const names = { activeGeneration: () => Promise.resolve(1) } as unknown as ReadModelNames;
  const reads = new PortalRecordReads(documents, names, { scopedPageCache: cache } as ServiceConfig);
  return { reads, finds, gets };
}

describe('PortalRecordReads: pages', () => {
  it('answers a page again only while the records read model is at the same version', async () => {
    const { reads, finds } = setUp();
    const alice = accessOf('u-1', ['a-1']);
    const first = await reads.page(alice, 'Case', list, at(5, '1:4'));
    expect(await reads.page(alice, 'Case', list, at(9, '1:4'))).toBe(first);
    expect(finds).toHaveLength(1);
    expect(finds[0].generation).toBe(1);

    await reads.page(alice, 'Case', list, at(10, '1:10'));
    expect(finds).toHaveLength(2);
    await reads.page(alice, 'Case', list, at(10, '10:10'));
    expect(finds).toHaveLength(3);
  });

  it('sends a kept page as the JSON written once, and a fresher page as its own', async () => {
    const { reads } = setUp();
    const alice = accessOf('u-1', ['a-1']);
    const first = await reads.page(alice, 'Case', list, at(5, '1:4'));
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const json = reads.json(await reads.page(alice, 'Case', list, at(9, '1:4')));
      expect(JSON.parse(json)).toEqual(first);
      expect(reads.json(await reads.page(alice, 'Case', list, at(9, '1:4')))).toBe(json);
      expect(stringify.mock.calls.filter(([value]) => value === first)).toHaveLength(0);

      const fresher = await reads.page(alice, 'Case', list, at(10, '1:10'));
      expect(fresher).not.toBe(first);
      expect(JSON.parse(reads.json(fresher))).toEqual(fresher);
    } finally {
      stringify.mockRestore();
    }
  });

  it('keys on the checkpoint where the marks cannot say', async () => {
    const { reads, finds } = setUp();
    const alice = accessOf('u-1', ['a-1']);
    await reads.page(alice, 'Case', list, at(5));
    await reads.page(alice, 'Case', list, at(5));
    expect(finds).toHaveLength(1);
    await reads.page(alice, 'Case', list, at(6));
    expect(finds).toHaveLength(2);
  });

  it('keeps nothing without a version, for another generation, or switched off', async () => {
    const alice = accessOf('u-1', ['a-1']);
    for (const [versions, cache] of [
      [[undefined, undefined], true],
      [[at(5, '1:4', 'projector_g2'), at(5, '1:4', 'projector_g2')], true],
      [[at(5, '1:4'), at(5, '1:4')], false],
    ] as const) {
      const { reads, finds } = setUp(undefined, cache);
      for (const version of versions) await reads.page(alice, 'Case', list, version);
      expect(finds).toHaveLength(2);
    }
  });

  it('keys on the scope: another account, another role level or another user with an own reach read apart', async () => {
    const { reads, finds } = setUp();
    const version = at(5, '1:4');
    await reads.page(accessOf('u-1', ['a-1']), 'Case', list, version);
    await reads.page(accessOf('u-1', ['a-2']), 'Case', list, version);
    await reads.page(accessOf('u-1', ['a-1'], [role('contact')]), 'Case', list, version);
    await reads.page(accessOf('u-2', ['a-1']), 'Case', list, version);
    expect(finds).toHaveLength(4);
    expect(new Set(finds.map((find) => JSON.stringify(find.query.filter))).size).toBe(4);
  });

  it('keys on the list query itself: its filters, sort and page', async () => {
    const { reads, finds } = setUp();
    const alice = accessOf('u-1', ['a-1']);
    const version = at(5, '1:4');
    await reads.page(alice, 'Case', list, version);
    await reads.page(
      alice,
      'Case',
      { ...list, filter: { kind: 'eq', path: 'fields.status', value: 'New' } },
      version,
    );
    await reads.page(alice, 'Case', { ...list, sort: [{ path: 'createdAt', direction: 'asc' }] }, version);
    await reads.page(alice, 'Case', { ...list, page: 2, offset: 20 }, version);
    expect(finds).toHaveLength(4);
  });

  it('keys on the fields the roles let the user read: same query, another view, read apart', async () => {
    const { reads, finds } = setUp();
    const version = at(5, '1:4');
    const everything = await reads.page(accessOf('u-1', ['a-1'], [role('all')]), 'Case', list, version);
    const hidden = await reads.page(
      accessOf('u-1', ['a-1'], [role('all', ['secret'])]),
      'Case',
      list,
      version,
    );
    expect(finds).toHaveLength(2);
    expect(everything.items[0].secret).toBe('s');
    expect(hidden.items[0]).not.toHaveProperty('secret');
  });

  it('shares one frozen answer between users whose store query and view are the same', async () => {
    const { reads, finds } = setUp();
    const version = at(5, '1:4');
    // `all` reaches every exposed record: the filter names no user.
    const first = await reads.page(accessOf('u-1', ['a-1'], [role('all')]), 'Case', list, version);
    const second = await reads.page(accessOf('u-2', ['a-9'], [role('all')]), 'Case', list, version);
    expect(second).toBe(first);
    expect(finds).toHaveLength(1);
    expect(Object.isFrozen(first.items[0])).toBe(true);
  });
});

describe('PortalRecordReads: single records', () => {
  it('reads a record again only once the records read model moved, and answers it only for its type', async () => {
    const { reads, gets } = setUp();
    expect((await reads.record('Case', 'c-1', at(5, '1:4')))?.id).toBe('c-1');
    expect((await reads.record('Case', 'c-1', at(6, '1:4')))?.id).toBe('c-1');
    expect(await reads.record('Account', 'c-1', at(6, '1:4'))).toBeNull();
    expect(gets).toHaveLength(1);
    await reads.record('Case', 'c-1', at(7, '1:7'));
    expect(gets).toHaveLength(2);
  });

  it('keeps an absent record absent only at its version', async () => {
    const { reads, gets } = setUp();
    expect(await reads.record('Case', 'c-9', at(5, '1:4'))).toBeNull();
    expect(await reads.record('Case', 'c-9', at(5, '1:4'))).toBeNull();
    expect(gets).toHaveLength(1);
    await reads.record('Case', 'c-9', at(6, '1:6'));
    expect(gets).toHaveLength(2);
  });
});

describe('PortalRecordReads: mayRead', () => {
  const record = (overrides: Partial<RecordDoc>): RecordDoc =>
    ({
      ...aCase('c-1'),
      createdByPortalUserId: null,
      contactIds: [],
      accountIds: [],
      isInternal: false,
      deleted: false,
      ...overrides,
    }) as unknown as RecordDoc;
  const records = [
    record({ accountIds: ['a-1'] }),
    record({ accountIds: ['a-2'] }),
    record({ createdByPortalUserId: 'u-1' }),
    record({ accountIds: ['a-1'], isInternal: true }),
    record({ accountIds: ['a-1'], deleted: true }),
    record({ entityType: 'Account', accountIds: ['a-1'] } as Partial<RecordDoc>),
  ];

  it('answers as canRead for every user, level and record, before and after a page kept the scope', async () => {
    const { reads } = setUp();
    const accesses = [
      accessOf('u-1', ['a-1']),
      accessOf('u-1', ['a-2']),
      accessOf('u-2', ['a-1'], [role('own')]),
      accessOf('u-1', [], [role('own')]),
      accessOf('u-1', ['a-1'], [role('no')]),
      accessOf('u-1', ['a-1'], [role('all')]),
    ];
    const answers = () => accesses.flatMap((access) => records.map((doc) => reads.mayRead(access, doc)));
    const expected = accesses.flatMap((access) =>
      records.map((doc) => canRead(access.ctx, access.perms, access.user, doc)),
    );
    expect(expected).toContain(true);
    expect(expected).toContain(false);
    expect(answers()).toEqual(expected);
    for (const access of accesses) await reads.page(access, 'Case', list, at(5, '1:4'));
    expect(answers()).toEqual(expected);
  });
});
