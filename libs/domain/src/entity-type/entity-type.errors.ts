/** Every code a entity type decision may refuse with: clients and the API match on these. */
export const ENTITY_TYPE_ERROR_CODES = [
  'entity_type_exists',
  'entity_type_invalid',
  'entity_type_name_invalid',
  'entity_type_name_reserved',
] as const;
export type EntityTypeErrorCode = (typeof ENTITY_TYPE_ERROR_CODES)[number];
