import { z } from 'zod';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO-8601 time with offset, or a date (a whole UTC day). */
export const auditTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'must be an ISO-8601 time (2026-01-31T12:00:00Z) or date (2026-01-31)',
});

/** Epoch ms where a time starts: a date means its first millisecond (UTC). */
export function startOfAuditTime(value: string): number {
  return Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
}

/** Epoch ms where a time ends: a date means its last millisecond (UTC), so `asOf=<date>` is "on that day". */
export function endOfAuditTime(value: string): number {
  return Date.parse(DATE_ONLY.test(value) ? `${value}T23:59:59.999Z` : value);
}
