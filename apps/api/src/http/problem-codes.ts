import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '@portal/domain';

/**
 * The problem codes the API answers beyond the domain's (libs/domain's `<context>.errors.ts`): a
 * closed set, so a code is never a free string and callers match codes through isProblem rather
 * than by hand. `code` is the last segment of a problem's `type` (`urn:portal:problem:<code>`).
 */
export const API_PROBLEM_CODES = [
  // Uploads and downloads of files (attachments/).
  'file_required',
  'file_empty',
  'file_too_large',
  'file_type_not_allowed',
  'multipart_required',
  'too_many_parts',
  'too_many_uploads',
  'range_not_satisfiable',
  // Request shape and transport (http/).
  'validation_failed',
  'bad_request',
  'bad_url',
  'too_deeply_nested',
  'unsupported_media_type',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  // Fastify's own refusals of a body, named by its error codes as they always were.
  'fst_err_ctp_body_too_large',
  'fst_err_ctp_invalid_media_type',
  'fst_err_ctp_invalid_content_length',
  'fst_err_ctp_empty_json_body',
  'fst_err_ctp_invalid_json_body',
  // HTTP conventions: If-Match, Idempotency-Key, X-Consistency-Token.
  'precondition_failed',
  'invalid_if_match',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'invalid_consistency_token',
  'read_model_behind',
  'concurrent_modification',
  // Authentication and access.
  'unauthorized',
  'forbidden',
  'forbidden_role',
  'record_internal',
  'record_share_forbidden',
  'data_subject_not_found',
  'erasure_unavailable',
  'processing_restricted',
  'invalid_credentials',
  'password_incorrect',
  'login_refused',
  'portal_inactive',
  'rate_limited',
  // Lookups the API makes outside any aggregate.
  'not_found',
  'entity_type_not_found',
  'web_portal_not_built',
  // Anything else.
  'http_error',
  'internal_error',
] as const;

export type ApiProblemCode = (typeof API_PROBLEM_CODES)[number];

/** Every code a problem document of this API can carry. */
export type ProblemCode = ApiProblemCode | DomainErrorCode;

/** The same set as values, sorted: the OpenAPI document's `ProblemCode`, so clients get it typed. */
export const PROBLEM_CODES: readonly ProblemCode[] = [
  ...new Set([...API_PROBLEM_CODES, ...DOMAIN_ERROR_CODES]),
].sort();

const TYPE_PREFIX = 'urn:portal:problem:';

export function problemType(code: ProblemCode): string {
  return `${TYPE_PREFIX}${code}`;
}

/** The code of a problem document (the last segment of its type). */
export function problemCodeOf(problem: { type: string }): string {
  return problem.type.startsWith(TYPE_PREFIX) ? problem.type.slice(TYPE_PREFIX.length) : problem.type;
}

/** The Fastify error codes above, from the error Fastify throws; anything else is a bad request. */
export function fastifyProblemCode(fastifyCode: string | undefined): ApiProblemCode {
  const code = (fastifyCode ?? '').toLowerCase();
  return (API_PROBLEM_CODES as readonly string[]).includes(code) && code.startsWith('fst_err_')
    ? (code as ApiProblemCode)
    : 'bad_request';
}
