/** Every code a portal role decision may refuse with: clients and the API match on these. */
export const PORTAL_ROLE_ERROR_CODES = [
  'invalid_action',
  'invalid_create_level',
  'invalid_entity_type',
  'invalid_field_action',
  'invalid_field_level',
  'invalid_field_name',
  'invalid_fields',
  'invalid_level',
  'invalid_role_name',
  'invalid_scopes',
  'role_deleted',
  'role_exists',
  'role_not_found',
] as const;
export type PortalRoleErrorCode = (typeof PORTAL_ROLE_ERROR_CODES)[number];
