import { mergeRoles, type RecordFilter } from '@portal/acl';
import type { ValueCount } from '@portal/read-store';
import type { PortalAccess } from '../../../auth/portal-access';
import type { RecordDocuments } from '../../../records/record-documents';
import { openCasesByPriority } from './open-cases-by-priority';

function accessWith(fields: Record<string, { read: 'yes' | 'no'; edit: 'yes' | 'no' }>): PortalAccess {
  const perms = mergeRoles([
    {
      id: 'r-1',
      name: 'Customers',
      scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'no' } },
      fields: { Case: fields },
    },
  ]);
  return {
    ctx: { portalId: 'p-1', tabList: ['Case'], recordCriteria: {} },
    user: { portalUserId: 'u-1', portalId: 'p-1', contactId: 'c-1', accountIds: ['a-1'] },
    perms,
  } as unknown as PortalAccess;
}

/** The records read model as the dashlet sees it, answering countBy and remembering every read. */
function recordsAnswering(counts: ValueCount[]) {
  const reads: { method: string; filter: RecordFilter; path?: string }[] = [];
  const records = {
    countBy: async (filter: RecordFilter, path: string) => {
      reads.push({ method: 'countBy', filter, path });
      return counts;
    },
    find: async (query: { filter: RecordFilter }) => {
      reads.push({ method: 'find', filter: query.filter });
      return { items: [], total: 0 };
    },
  } as unknown as RecordDocuments;
  return { records, reads };
}

describe('OpenCasesByPriority dashlet', () => {
  it('counts every priority in one read of the open cases in scope, the total including cases without one', async () => {
    const { records, reads } = recordsAnswering([
      { value: 'High', count: 3 },
      { value: 'Normal', count: 2 },
      { value: null, count: 4 },
    ]);
    const data = await openCasesByPriority({ access: accessWith({}), records, options: {} });
    expect(data).toEqual({ total: 9, byPriority: { Low: 0, Normal: 2, High: 3, Urgent: 0 } });
    // One grouped count, not one per priority: each would read every open case in scope again.
    expect(reads.map((r) => [r.method, r.path])).toEqual([['countBy', 'fields.priority']]);
    const filter = JSON.stringify(reads[0]!.filter);
    expect(filter).toContain('"path":"accountIds"');
    expect(filter).toContain('"kind":"notIn","path":"fields.status"');
  });

  it('reads nothing when the user may not read the priority', async () => {
    const { records, reads } = recordsAnswering([]);
    const access = accessWith({ priority: { read: 'no', edit: 'no' } });
    expect(await openCasesByPriority({ access, records, options: {} })).toBeNull();
    expect(reads).toEqual([]);
  });
});
