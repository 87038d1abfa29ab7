import { ENTITY_TYPE_ERROR_CODES } from './entity-type/entity-type.errors';
import { ERASURE_REQUEST_ERROR_CODES } from './privacy/erasure-request.errors';
import { PORTAL_ERROR_CODES } from './portal/portal.errors';
import { PORTAL_ROLE_ERROR_CODES } from './portal-role/portal-role.errors';
import { PORTAL_USER_ERROR_CODES } from './portal-user/portal-user.errors';
import { RECORD_ERROR_CODES } from './record/record.errors';
import { SHARE_LINK_ERROR_CODES } from './share-link/share-link.errors';
import { RESERVATION_ERROR_CODES } from './reservation/reservation.errors';
import { STAFF_USER_ERROR_CODES } from './staff-user/staff-user.errors';

/**
 * The closed set of domain error codes, one list per bounded context (`<context>.errors.ts`),
 * as values too: the API's OpenAPI document publishes them (`x-problem-codes`).
 */
export const DOMAIN_ERROR_CODES = [
  ...ENTITY_TYPE_ERROR_CODES,
  ...ERASURE_REQUEST_ERROR_CODES,
  ...PORTAL_ERROR_CODES,
  ...PORTAL_ROLE_ERROR_CODES,
  ...PORTAL_USER_ERROR_CODES,
  ...RECORD_ERROR_CODES,
  ...RESERVATION_ERROR_CODES,
  ...SHARE_LINK_ERROR_CODES,
  ...STAFF_USER_ERROR_CODES,
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
