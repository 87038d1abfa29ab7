import { z } from 'zod';
import { auditTime, endOfAuditTime } from './audit-time';

/** `?asOf=` of the as-of endpoints: a time, or a date meaning the end of that day; default now. */
export const asOfQuery = z.strictObject({
  asOf: auditTime.optional().describe('ISO time or date (end of that day, UTC); default now'),
});

export function asOfMs(query: z.infer<typeof asOfQuery>, now: Date = new Date()): number {
  return query.asOf === undefined ? now.getTime() : endOfAuditTime(query.asOf);
}
