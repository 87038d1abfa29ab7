import {
  matchesRecordFilter,
  mergeRoles,
  scopeFilter,
  type AclUser,
  type PortalContext,
  type RecordFilter,
} from '@portal/acl';
import { findBuiltInEntityType } from '@portal/domain';
import { sqlClientsUnderTest, type SqlClient } from '@portal/platform';
import { ALL_PROJECTIONS, generationCollections } from '@portal/projector';
import { SqlReadStore, type Document, type FindQuery } from '@portal/read-store';
import { recordListOptions } from './record-list-options';

// What a list costs in the read store as the records in scope grow: the two lists a portal makes
// most (a portal user's scoped Case list, the staff Case list), on the records projection's own
// indexes and counts, in the default order, asked as the list handlers ask. In the soak every
// portal user's account holds a third of all cases; a page must not read them all to find its 20
// and count them. Judged by the plan (records read), not by time.

const RECORDS = 'records';
const CASES = 3_000;
const USERS = 10;

function caseDoc(n: number): Document {
  if (n % 100 === 1) return { ...caseDoc(n - 1), id: `case-${String(n).padStart(5, '0')}`, ...rare(n) };
  const user = n % (USERS + 1); // one in 11 made by staff
  const byStaff = user === USERS;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    id: `case-${String(n).padStart(5, '0')}`,
    entityType: 'Case',
    fields: { name: `Case ${n}`, status: 'New' },
    createdByPortalUserId: byStaff ? null : `user-${user}`,
    contactIds: byStaff ? [] : [`contact-${user}`],
    accountIds: [`account-${(byStaff ? n : user) % 3}`],
    isInternal: n % 13 === 0,
    deleted: n % 50 === 49,
    createdAt: at,
    modifiedAt: at,
  };
}

/** One case in a hundred is made by staff for an account of its own (a scope of 1%). */
function rare(n: number): Partial<Document> {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    createdByPortalUserId: null,
    contactIds: [],
    accountIds: ['account-rare'],
    isInternal: false,
    deleted: false,
    createdAt: at,
    modifiedAt: at,
  };
}

const ctx: PortalContext = { portalId: 'p1', tabList: ['Case'], recordCriteria: {} };
const user: AclUser = {
  portalUserId: 'user-1',
  portalId: 'p1',
  contactId: 'contact-1',
  accountIds: ['account-1'],
};
const perms = mergeRoles([{ id: 'r', name: 'customer', scopes: { Case: { read: 'account' } }, fields: {} }]);
const caseType = findBuiltInEntityType('Case')!;

const rareUser: AclUser = {
  portalUserId: 'user-rare',
  portalId: 'p1',
  contactId: null,
  accountIds: ['account-rare'],
};
/** A scope of 30 cases in 3,000: read in the list's order, a page would pass a hundred records for each it keeps. */
const NARROW = scopeFilter(ctx, perms, rareUser, 'Case');

const LISTS: [string, RecordFilter][] = [
  ['a portal user of an account holding a third of the cases', scopeFilter(ctx, perms, user, 'Case')],
  [
    'staff',
    {
      kind: 'and',
      filters: [
        { kind: 'eq', path: 'entityType', value: 'Case' },
        { kind: 'eq', path: 'deleted', value: false },
      ],
    },
  ],
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** Runs fn, then EXPLAIN ANALYZE of each statement it made: the result, and each plan's nodes. */
async function explained<T>(
  sql: SqlClient,
  fn: () => Promise<T>,
): Promise<{ result: T; plans: PlanNode[][] }> {
  const seen: { text: string; values: unknown[] }[] = [];
  const original = sql.query.bind(sql);
  const spy = (text: string, values?: unknown[]) => {
    seen.push({ text, values: values ?? [] });
    return original(text, values);
  };
  (sql as { query: unknown }).query = spy;
  let result: T;
  try {
    result = await fn();
  } finally {
    (sql as { query: unknown }).query = original;
  }
  const plans: PlanNode[][] = [];
  for (const { text, values } of seen) {
    const { rows } = await original<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
      values,
    );
    const json = rows[0]['QUERY PLAN'];
    const [top] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
    plans.push(nodesOf(top.Plan));
  }
  return { result, plans };
}

/** Records a plan read from the records table: returned or removed by its filter, in every loop. */
const recordsRead = (nodes: PlanNode[]): number =>
  nodes
    .filter((node) => node['Relation Name'] === `rm_${RECORDS}`)
    .reduce(
      (sum, node) =>
        sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'],
      0,
    );

const stores = sqlClientsUnderTest('scoped-list-plan', 'list_plan_');

describe.each(stores)('a scoped list of 3,000 cases on %s', (_name, connect) => {
  jest.setTimeout(120_000);
  let sql: SqlClient;
  let store: SqlReadStore;
  let cleanUp: () => Promise<void>;
  const docs = Array.from({ length: CASES }, (_, n) => caseDoc(n));
  const defaultSort = recordListOptions(caseType, () => true, false).defaultSort;
  const page: (filter: RecordFilter) => FindQuery = (filter) => ({
    filter,
    sort: defaultSort,
    offset: 0,
    limit: 20,
  });

  beforeAll(async () => {
    ({ sql, cleanUp } = await connect());
    store = await SqlReadStore.open(sql, { ownsClient: false });
    const spec = generationCollections(ALL_PROJECTIONS).find((c) => c.name === RECORDS)!;
    await store.ensureCollection(RECORDS, spec.indexes, { pathTypes: spec.pathTypes });
    // In the projector's batch sizes, without refreshed statistics: as a live portal grows.
    for (let i = 0; i < docs.length; i += 100)
      await store.write((tx) => tx.putMany(RECORDS, docs.slice(i, i + 100)));
  });

  afterAll(async () => {
    await store.close();
    await cleanUp();
  });

  const expectCheapPage = async (filter: RecordFilter, mostRead = 200): Promise<void> => {
    const { result, plans } = await explained(sql, () => store.find(RECORDS, page(filter)));
    const matching = docs.filter((doc) => matchesRecordFilter(doc, filter));
    expect(result.total).toBe(matching.length);
    expect(result.items.map((doc) => doc.id)).toEqual(
      matching
        .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))
        .slice(0, 20)
        .map((doc) => doc.id),
    );
    expect(plans).toHaveLength(1);
    // A page of 20 from a scope holding ~900 (the portal user) or ~2,900 (staff): read in the
    // default order and stopped at the limit, the total summed from the counts' few groups.
    expect(recordsRead(plans[0])).toBeLessThanOrEqual(mostRead);
    expect(plans[0].map((node) => node['Node Type'])).not.toContain('WindowAgg');
  };

  it.each(LISTS)(
    'for %s, reads a page of its records in the default order and its total from counts',
    async (_who, filter) => {
      await expectCheapPage(filter);
    },
  );

  it.each(LISTS)(
    'for %s, still does once the planner has statistics of the records',
    async (_who, filter) => {
      await store.refreshStatistics([RECORDS]);
      await expectCheapPage(filter);
    },
  );

  it('sums the total of a narrow scope from the few count groups its conditions find, not from every group', async () => {
    // Cases of 500 accounts: as many count groups, a handful of them in the rare user's scope.
    const c = 'records_accounts';
    const spec = generationCollections(ALL_PROJECTIONS).find((s) => s.name === RECORDS)!;
    await store.ensureCollection(c, spec.indexes, { pathTypes: spec.pathTypes });
    const spread = docs.map((doc, n) =>
      n % 100 === 1
        ? doc
        : { ...doc, createdByPortalUserId: null, contactIds: [], accountIds: [`account-${n % 500}`] },
    );
    for (let i = 0; i < spread.length; i += 500)
      await store.write((tx) => tx.putMany(c, spread.slice(i, i + 500)));
    await store.refreshStatistics([c]);
    const { result, plans } = await explained(sql, () => store.find(c, page(NARROW)));
    expect(result.total).toBe(spread.filter((doc) => matchesRecordFilter(doc, NARROW)).length);
    const groupsRead = plans[0]
      .filter((node) => node['Relation Name']?.startsWith('rc_records_accounts'))
      .reduce(
        (sum, node) =>
          sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'],
        0,
      );
    expect(groupsRead).toBeLessThanOrEqual(10);
  });

  it('for a portal user whose scope holds 1% of the cases, finds and sorts them rather than read the order through', async () => {
    await store.refreshStatistics([RECORDS]);
    // 30 in scope: walking the order for a page of 20 would pass ~2,000 records.
    await expectCheapPage(NARROW, 100);
  });

  it("for a portal user whose account holds 5% of the cases, reads a page of them in order along the account's side rows", async () => {
    // 150 of 3,000 cases in one account: too few to walk the whole list's order for (a page would
    // pass 400 records), too many to find and sort for each page (every one of the 150 read).
    const c = 'records_hot';
    const spec = generationCollections(ALL_PROJECTIONS).find((s) => s.name === RECORDS)!;
    await store.ensureCollection(c, spec.indexes, { pathTypes: spec.pathTypes });
    const hot = docs.map((doc, n): Document => ({
      ...doc,
      createdByPortalUserId: null,
      contactIds: n % 300 === 7 ? ['contact-1'] : [],
      accountIds: n % 20 === 0 ? ['account-hot', `account-${n % 500}`] : [`account-${n % 500}`],
    }));
    for (let i = 0; i < hot.length; i += 500) await store.write((tx) => tx.putMany(c, hot.slice(i, i + 500)));
    await store.refreshStatistics([c]);
    const hotUser: AclUser = { ...user, accountIds: ['account-hot'] };
    const filter = scopeFilter(ctx, perms, hotUser, 'Case');
    const matching = hot
      .filter((doc) => matchesRecordFilter(doc, filter))
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    expect(matching.length).toBeGreaterThan(100);
    for (const offset of [0, 20, 120]) {
      const { result, plans } = await explained(sql, () => store.find(c, { ...page(filter), offset }));
      expect(result.total).toBe(matching.length);
      expect(result.items.map((doc) => doc.id)).toEqual(
        matching.slice(offset, offset + 20).map((doc) => doc.id),
      );
      const read = plans[0]
        .filter((node) => node['Relation Name'] === `rm_${c}`)
        .reduce(
          (sum, node) =>
            sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'],
          0,
        );
      // The page's reach (offset + 20) of the account's rows and the contact's few, not all 150.
      expect(read).toBeLessThanOrEqual(offset + 20 + 40);
    }
  });
});
