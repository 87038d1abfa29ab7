import { and, isFieldReadable, scopeFilter, type RecordFilter } from '@portal/acl';
import { CASE_CLOSED_STATUSES, CASE_PRIORITIES } from '@portal/domain';
import type { Dashlet } from './dashlet';

/** Counts of the user's readable cases not in a closed status, per priority (the total includes cases without one). */
export const openCasesByPriority: Dashlet = async ({ access, records }) => {
  const { ctx, perms, user } = access;
  if (!isFieldReadable(perms, 'Case', 'status') || !isFieldReadable(perms, 'Case', 'priority')) return null;
  const open = and(scopeFilter(ctx, perms, user, 'Case'), {
    kind: 'notIn',
    path: 'fields.status',
    values: [...CASE_CLOSED_STATUSES],
  });
  const count = async (filter: RecordFilter) => (await records.find({ filter, limit: 0 })).total;
  const counts = await Promise.all(
    CASE_PRIORITIES.map((priority) =>
      count(and(open, { kind: 'eq', path: 'fields.priority', value: priority })),
    ),
  );
  const byPriority: Record<string, number> = {};
  CASE_PRIORITIES.forEach((priority, i) => (byPriority[priority] = counts[i]));
  return { total: await count(open), byPriority };
};
