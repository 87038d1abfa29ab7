import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';

export const PROBLEM_REF = '#/components/schemas/Problem';

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 501 | 503;

export interface AnswerOptions {
  /** The answer carries `ETag: "<revision>"` (send it back as If-Match). */
  etag?: boolean;
  /** Content type of the body, when not JSON (e.g. `application/x-ndjson`). */
  contentType?: string;
}

const ETAG_HEADER = {
  ETag: {
    description: 'The revision this answer reflects, e.g. `"3"`: send it back as `If-Match`.',
    schema: { type: 'string', pattern: '^"\\d+"$' },
  },
};

/**
 * The success answer of an operation: its status, what it means and its body's zod schema (the
 * schema the handler's return type is checked against), or none for an empty body.
 */
export function Answers(status: number, description: string, body?: z.ZodType, options: AnswerOptions = {}) {
  const headers = options.etag ? ETAG_HEADER : undefined;
  if (body !== undefined && options.contentType !== undefined) {
    return ApiResponse({
      status,
      description,
      headers,
      content: { [options.contentType]: { schema: { type: 'string' } } },
    });
  }
  return ApiResponse({ status, description, headers, ...(body ? { standardSchema: body } : {}) });
}

/**
 * Problem answers an operation can give, each with the codes (`type`'s last segment) it uses.
 * Declared by the decorators that cause them too (auth, validation): descriptions of one status add up.
 */
export function Refuses(problems: Partial<Record<ProblemStatus, string>>) {
  return applyDecorators(
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } } },
      }),
    ),
  );
}

/** Optional `If-Match: "<revision>"`: a stale one is 412 and changes nothing. */
export function IfMatch() {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag of the GET this change is based on; a stale one is refused with 412.',
      schema: { type: 'string', pattern: '^(W/)?"\\d+"$' },
    }),
    Refuses({
      400: '`invalid_if_match`: If-Match is not an ETag this API issued.',
      412: '`precondition_failed`: the record changed since that ETag; nothing was changed.',
    }),
  );
}
