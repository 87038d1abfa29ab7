import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { applyHttpConventions } from './http-conventions';
import { PROBLEM_CODES } from '../http/problem-codes';
import { problemSchema } from './problem.schema';
import { addSecuritySchemes } from './security-schemes';
import { convertStandardSchema, responseJsonSchema } from './zod-json-schema';

type Schemas = NonNullable<OpenAPIObject['components']>['schemas'];

const DESCRIPTION = [
  'Portals, portal roles, portal users, records and audit of the CRM customer portal.',
  '',
  'Errors are RFC 9457 problem documents (`application/problem+json`, schema `Problem`); match on',
  'the last segment of `type`, one of the closed set `x-problem-codes`. Commands answer `X-Consistency-Token`; send it with a later GET to',
  'read your write. `Idempotency-Key` makes a command safe to retry. Single-record GETs answer',
  '`ETag`; send it back as `If-Match` to refuse lost updates (412).',
].join('\n');

/**
 * The OpenAPI 3.1 document of the API, from the controllers' decorators and the zod schemas they
 * validate and answer with. `app` need not listen (scripts/openapi builds it in preview mode).
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = addSecuritySchemes(
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('CRM customer portal')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'This server'),
  ).build();
  const document = SwaggerModule.createDocument(app, config, {
    standardSchemaConverter: convertStandardSchema,
    operationIdFactory: (controller, method) => `${controller.replace(/Http$|Controller$/, '')}_${method}`,
  });
  const problem = responseJsonSchema(problemSchema);
  document.components = {
    ...document.components,
    schemas: { ...(problem.components as Schemas), ...document.components?.schemas },
  };
  // Every code a problem's `type` may end with, as a list clients can generate from (libs/client's
  // problem-codes.ts): the closed set, published beside the schemas rather than as an unused one.
  return applyHttpConventions({ ...document, 'x-problem-codes': [...PROBLEM_CODES] } as OpenAPIObject);
}
