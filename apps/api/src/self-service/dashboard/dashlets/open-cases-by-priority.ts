import { and, isFieldReadable, scopeFilter } from '@portal/acl';
import { CASE_CLOSED_STATUSES, CASE_PRIORITIES } from '@portal/domain';
import type { Dashlet } from './dashlet';

/**
 * Counts of the user's readable cases not in a closed status, per priority (the total includes cases
 * without one). One grouped count: a count per priority would read every open case once per priority.
 */
export const openCasesByPriority: Dashlet = async ({ access, records }) => {
  const { ctx, perms, user } = access;
  if (!isFieldReadable(perms, 'Case', 'status') || !isFieldReadable(perms, 'Case', 'priority')) return null;
  const open = and(scopeFilter(ctx, perms, user, 'Case'), {
    kind: 'notIn',
    path: 'fields.status',
    values: [...CASE_CLOSED_STATUSES],
  });
  const counts = await records.countBy(open, 'fields.priority');
  const byPriority: Record<string, number> = {};
  for (const priority of CASE_PRIORITIES)
    byPriority[priority] = counts.find((c) => c.value === priority)?.count ?? 0;
  return { total: counts.reduce((sum, c) => sum + c.count, 0), byPriority };
};
