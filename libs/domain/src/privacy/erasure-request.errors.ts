/** Every code an erasure-request decision may refuse with: clients and the API match on these. */
export const ERASURE_REQUEST_ERROR_CODES = [
  'erasure_request_pending',
  'erasure_request_not_found',
  'erasure_request_decided',
] as const;
export type ErasureRequestErrorCode = (typeof ERASURE_REQUEST_ERROR_CODES)[number];
