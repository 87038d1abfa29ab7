/** Where @StaffAuth keeps the roles a route admits, for StaffAuthGuard to read. */
export const STAFF_ROLES_METADATA = 'portal:staffRoles';
