import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { PROBLEM_REF } from '../openapi/answers.decorators';
import { ALLOWED_CONTENT_TYPES } from './upload/content-sniffing';

const binary = Object.fromEntries(
  ALLOWED_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
);
const fileHeaders = {
  ETag: { description: 'The SHA-256 of the bytes, quoted.', schema: { type: 'string' } },
  'Content-Disposition': {
    description: '`attachment` with `filename` and `filename*` (RFC 6266): never shown inline.',
    schema: { type: 'string' },
  },
};

/** A multipart body with one `file` (and, for staff, `isInternal`). */
export function UploadBody(withInternal: boolean) {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          ...(withInternal
            ? { isInternal: { type: 'string', enum: ['true', 'false'], description: 'Send before `file`.' } }
            : {}),
          file: { type: 'string', format: 'binary' },
        },
      },
    }),
  );
}

/** The download's answers: the bytes (200, 206), 304 for a matching ETag, 416 for a range past the end. */
export function DownloadAnswers() {
  return applyDecorators(
    ApiResponse({ status: 200, description: 'The file.', headers: fileHeaders, content: binary }),
    ApiResponse({
      status: 206,
      description: 'The range asked for (`Content-Range`).',
      headers: fileHeaders,
      content: binary,
    }),
    ApiResponse({ status: 304, description: '`If-None-Match` holds the ETag: unchanged.' }),
    ApiResponse({
      status: 416,
      description: '`range_not_satisfiable`: the range starts past the end.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } } },
    }),
  );
}
