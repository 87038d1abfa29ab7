import type { ErasureRequestErrorCode } from './privacy/erasure-request.errors';
import type { EntityTypeErrorCode } from './entity-type/entity-type.errors';
import type { PortalErrorCode } from './portal/portal.errors';
import type { PortalRoleErrorCode } from './portal-role/portal-role.errors';
import type { PortalUserErrorCode } from './portal-user/portal-user.errors';
import type { RecordErrorCode } from './record/record.errors';
import type { ShareLinkErrorCode } from './share-link/share-link.errors';
import type { ReservationErrorCode } from './reservation/reservation.errors';
import type { StaffUserErrorCode } from './staff-user/staff-user.errors';

/** The closed set of domain error codes, one list per bounded context (`<context>.errors.ts`). */
export type DomainErrorCode =
  | EntityTypeErrorCode
  | ErasureRequestErrorCode
  | PortalErrorCode
  | PortalRoleErrorCode
  | PortalUserErrorCode
  | RecordErrorCode
  | ReservationErrorCode
  | ShareLinkErrorCode
  | StaffUserErrorCode;
