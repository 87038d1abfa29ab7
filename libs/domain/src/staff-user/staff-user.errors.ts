/** Every code a staff user decision may refuse with: clients and the API match on these. */
export const STAFF_USER_ERROR_CODES = [
  'invalid_email',
  'invalid_name',
  'invalid_role',
  'self_deactivation',
  'self_role_change',
  'staff_user_exists',
  'staff_user_not_found',
] as const;
export type StaffUserErrorCode = (typeof STAFF_USER_ERROR_CODES)[number];
