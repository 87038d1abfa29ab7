import { and, isFieldReadable, scopeFilter } from '@portal/acl';
import { CASE_CLOSED_STATUSES, CASE_PRIORITIES } from '@portal/domain';
import type { Dashlet } from './dashlet';

/** The sample: the most recently changed closed cases. */
const SAMPLE = 500;
const HOUR_MS = 3_600_000;

/**
 * Average hours from opening to closing of the user's readable closed cases, per priority. A case's
 * closing time is its last change (the read model keeps no separate close time), over the latest
 * 500 closed cases.
 */
export const caseResolutionTimeByPriority: Dashlet = async ({ access, records }) => {
  const { ctx, perms, user } = access;
  if (!isFieldReadable(perms, 'Case', 'status') || !isFieldReadable(perms, 'Case', 'priority')) return null;
  const closed = await records.find({
    filter: and(scopeFilter(ctx, perms, user, 'Case'), {
      kind: 'in',
      path: 'fields.status',
      values: [...CASE_CLOSED_STATUSES],
    }),
    sort: [{ path: 'modifiedAt', direction: 'desc' }],
    limit: SAMPLE,
  });
  const byPriority: Record<string, { count: number; averageHours: number | null }> = {};
  for (const priority of CASE_PRIORITIES) {
    const hours = closed.items
      .filter((doc) => doc.fields.priority === priority)
      .map((doc) => (Date.parse(doc.modifiedAt) - Date.parse(doc.createdAt)) / HOUR_MS);
    const average = hours.length === 0 ? null : hours.reduce((a, b) => a + b, 0) / hours.length;
    byPriority[priority] = {
      count: hours.length,
      averageHours: average === null ? null : Math.round(average * 10) / 10,
    };
  }
  return { byPriority, sampled: closed.items.length };
};
