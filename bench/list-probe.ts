// The scoped lists' cost as the records grow, on their own: soak-shaped cases (10 portal users on
// 3 accounts, each case the creator's contact and account) written straight into the read store
// with the records projection's indexes, then at each size the portal user's scoped list and the
// staff list (default sort, 20 a page) timed in CPU ms per list, with the plan of each statement.
// PROBE_ACCOUNTS=50 spreads cases made by staff over 50 accounts instead (the bench's lists: a
// scope of 2%). Not in CI. PROBE_STORE=embedded|postgres, PROBE_SIZES (default 500,3000,6000), PROBE_ANALYZE=1
// refreshes the planner statistics at each size (or a list of sizes: at those only) (the soak never does: the projector writes live).
import { randomBytes, randomUUID } from 'node:crypto';
import { and, or, type RecordFilter } from '@portal/acl';
import { PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { SqlReadStore, type FindQuery, type Document } from '@portal/read-store';
import { recordsProjection } from '../libs/projector/src/projections/records.projection';
import { countStatements } from './statement-texts';

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const COLLECTION = 'records';
const USERS = 10;
const ACCOUNTS = 3;

/** PROBE_ACCOUNTS (default 3): cases made by staff spread over that many accounts, as the bench's. */
const SPREAD = Number(process.env.PROBE_ACCOUNTS ?? 0);

function caseDoc(n: number): Document {
  const user = SPREAD > 0 ? USERS : n % (USERS + 1); // one in 11 made by staff
  const byStaff = user === USERS;
  const account = SPREAD > 0 ? n % SPREAD : byStaff ? n % ACCOUNTS : user % ACCOUNTS;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    id: randomUUID(),
    entityType: 'Case',
    fields: {
      name: `Case ${n}`,
      status: ['New', 'Assigned', 'Pending', 'Closed'][n % 4],
      priority: 'Normal',
    },
    createdByPortalUserId: byStaff ? null : `user-${user}`,
    contactIds: byStaff ? [] : [`contact-${user}`],
    accountIds: [`account-${account}`],
    isInternal: false,
    deleted: n % 50 === 49,
    createdInPortalId: byStaff ? null : 'portal-1',
    deletedAt: null,
    createdAt: at,
    modifiedAt: at,
    createdBy: { type: 'system', id: 'probe', name: 'probe' },
    modifiedBy: { type: 'system', id: 'probe', name: 'probe' },
    revision: 0,
  };
}

/** What scopeFilter makes of a portal user whose role reads Case at the account level. */
function portalScope(user: number): RecordFilter {
  return and(
    { kind: 'eq', path: 'entityType', value: 'Case' },
    { kind: 'eq', path: 'deleted', value: false },
    { kind: 'eq', path: 'isInternal', value: false },
    or(
      { kind: 'eq', path: 'createdByPortalUserId', value: `user-${user}` },
      { kind: 'overlaps', path: 'contactIds', values: [`contact-${user}`] },
      { kind: 'overlaps', path: 'accountIds', values: [`account-${user % ACCOUNTS}`] },
    ),
  );
}

const staffList: RecordFilter = and(
  { kind: 'eq', path: 'entityType', value: 'Case' },
  { kind: 'eq', path: 'deleted', value: false },
);

const page = (filter: RecordFilter): FindQuery => ({
  filter,
  sort: [{ path: 'createdAt', direction: 'desc' }],
  offset: 0,
  limit: 20,
});

async function cpuMsPerCall(calls: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i += 1) await fn();
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i += 1) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

/** The plans of the statements `fn` makes (EXPLAIN ANALYZE of each, by their text and values). */
async function plans(sql: SqlClient, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: { text: string; values: unknown[] }[] = [];
  const original = sql.query.bind(sql);
  (sql as { query: unknown }).query = (text: unknown, values?: unknown[]) => {
    if (typeof text === 'string') seen.push({ text, values: values ?? [] });
    return original(text as string, values);
  };
  await fn();
  (sql as { query: unknown }).query = original;
  const out: string[] = [];
  for (const { text, values } of seen) {
    // Past the statement marks (cachedRead, readOnly: leading comments).
    if (!/^\s*(\/\*[^*]*\*\/\s*)*(SELECT|WITH)/i.test(text)) continue;
    const { rows } = await original<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, values);
    out.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  return out;
}

async function main(): Promise<void> {
  const kind = process.env.PROBE_STORE ?? 'embedded';
  const sizes = (process.env.PROBE_SIZES ?? '500,3000,6000').split(',').map(Number);
  const schema = `listprobe_${randomBytes(6).toString('hex')}`;
  const sql: SqlClient =
    kind === 'embedded'
      ? await PgliteSqlClient.open()
      : await PgSqlClient.connect({ connectionString: PG_URL, schema, max: 2 });
  const store = await SqlReadStore.open(sql, { ownsClient: false });
  const records = recordsProjection.collections[0]!;
  await store.ensureCollection(COLLECTION, records.indexes, { pathTypes: records.pathTypes });
  let written = 0;
  try {
    for (const size of sizes) {
      const docs: Document[] = [];
      for (; written < size; written += 1) docs.push(caseDoc(written));
      // In batches like the projector's, each its own transaction.
      for (let i = 0; i < docs.length; i += 50)
        await store.transact('probe', async (tx, at) => {
          await tx.putMany(COLLECTION, docs.slice(i, i + 50));
          return (at ?? 0) + 1;
        });
      const analyze = process.env.PROBE_ANALYZE?.split(',') ?? [];
      if (analyze.includes('1') || analyze.includes(String(size)))
        await store.refreshStatistics([COLLECTION]);
      const portal = await store.find(COLLECTION, page(portalScope(1)));
      const staff = await store.find(COLLECTION, page(staffList));
      const portalMs = await cpuMsPerCall(30, () => store.find(COLLECTION, page(portalScope(1))));
      const staffMs = await cpuMsPerCall(30, () => store.find(COLLECTION, page(staffList)));
      const counter = countStatements();
      for (let user = 0; user < USERS; user += 1) await store.find(COLLECTION, page(portalScope(user)));
      await store.find(COLLECTION, page(staffList));
      const statements = counter.stop().total / (USERS + 1);
      console.log(
        `${size} records: portal list ${portalMs.toFixed(2)} CPU ms (total ${portal.total}), ` +
          `staff list ${staffMs.toFixed(2)} CPU ms (total ${staff.total}), ${statements.toFixed(2)} statements per list`,
      );
      if (process.env.PROBE_PLANS !== '0') {
        for (const plan of await plans(sql, () => store.find(COLLECTION, page(portalScope(1)))))
          console.log(`  portal plan:\n${plan.replace(/^/gm, '    ')}`);
        for (const plan of await plans(sql, () => store.find(COLLECTION, page(staffList))))
          console.log(`  staff plan:\n${plan.replace(/^/gm, '    ')}`);
      }
    }
  } finally {
    if (sql instanceof PgSqlClient) await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await store.close();
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
