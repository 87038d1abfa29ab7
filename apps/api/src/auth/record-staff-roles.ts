import type { StaffRole } from './principal';

/**
 * The staff roles that work on records (read, write, attach, share): every record route's
 * `@StaffAuth(...RECORD_STAFF_ROLES)`, and a staff-made share link's creator judged at each view.
 * An auditor reads the audit log only.
 */
export const RECORD_STAFF_ROLES: readonly StaffRole[] = ['admin', 'agent'];

/** Whether a staff user in this role may read records now (null: no role any more). */
export function worksOnRecords(role: StaffRole | null): boolean {
  return role !== null && RECORD_STAFF_ROLES.includes(role);
}
