import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { PROBLEM_REF } from './answers.decorators';

type Operation = {
  parameters?: { name: string; in: string; [key: string]: unknown }[];
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: unknown }>;
  security?: unknown[];
};

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'];

const PATH_PARAMETERS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  slug: { description: "The portal's slug", schema: { type: 'string', minLength: 2, maxLength: 64 } },
  entityType: {
    description:
      'An entity type name: `Account`, `Contact`, `Case`, `KnowledgeBaseArticle`, `Document` or a custom one',
    schema: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$' },
  },
};

/**
 * What the global interceptors and the HTTP layer add to every operation, written into the
 * document once here rather than on 65 routes (apps/api/src/http: ConsistencyInterceptor,
 * IdempotencyInterceptor):
 * - commands take `Idempotency-Key` (same key, other request: 409) and answer `X-Consistency-Token`;
 * - GETs take `X-Consistency-Token` (wait for that write: 503 after 5 s, 400 if it is not a token);
 * - every `{param}` of a path is declared (longer than 100 characters: 414 from the router); an
 *   operation no auth guard protects is public (`security: []`).
 */
export function applyHttpConventions(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', ...COMMAND_METHODS].includes(method)) continue;
      const operation = value as Operation;
      declarePathParameters(path, operation);
      operation.security ??= [];
      if (method === 'get') documentConsistentRead(operation);
      else documentCommand(operation);
    }
  }
  return document;
}

function declarePathParameters(path: string, operation: Operation): void {
  const parameters = (operation.parameters ??= []);
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (parameters.some((p) => p.in === 'path' && p.name === name)) continue;
    const known = PATH_PARAMETERS[name] ?? { description: name, schema: { type: 'string' } };
    parameters.push({ name, in: 'path', required: true, ...known });
  }
  // The router refuses a path parameter longer than Fastify's maxParamLength (100) before any route runs.
  if (path.includes('{')) addProblem(operation, 414, 'A path parameter is longer than 100 characters.');
}

function documentConsistentRead(operation: Operation): void {
  addHeaderParameter(operation, {
    name: 'X-Consistency-Token',
    in: 'header',
    required: false,
    description:
      "A command's `X-Consistency-Token`: the answer waits (up to 5 s) until it includes that write.",
    schema: { type: 'string', pattern: '^-?\\d{1,16}$' },
  });
  addProblem(
    operation,
    400,
    '`invalid_consistency_token`: X-Consistency-Token is not a token a command returned.',
  );
  addProblem(
    operation,
    503,
    '`read_model_behind`: the read models did not reach that write within 5 s; retry (Retry-After).',
  );
}

function documentCommand(operation: Operation): void {
  addHeaderParameter(operation, {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Any printable ASCII up to 255 characters. The same key with the same request replays the first ' +
      'answer and changes nothing; with another request it is 409.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
  });
  addProblem(
    operation,
    400,
    '`invalid_idempotency_key`: Idempotency-Key is not 1 to 255 printable ASCII characters.',
  );
  addProblem(operation, 409, '`idempotency_key_reused`: this Idempotency-Key was used for another request.');
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!status.startsWith('2')) continue;
    response.headers = {
      ...response.headers,
      'X-Consistency-Token': {
        description: 'Send it with a later GET to read this write (read-your-writes).',
        schema: { type: 'string', pattern: '^-?\\d{1,16}$' },
      },
    };
  }
}

function addHeaderParameter(
  operation: Operation,
  parameter: NonNullable<Operation['parameters']>[number],
): void {
  const parameters = (operation.parameters ??= []);
  if (!parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === parameter.name.toLowerCase()))
    parameters.push(parameter);
}

/** Adds the problem document beside what the operation already answers with that status (/health's 503 body). */
function addProblem(operation: Operation, status: number, description: string): void {
  const existing = operation.responses[status];
  operation.responses[status] = {
    description: existing?.description ? `${existing.description}\n\n${description}` : description,
    content: {
      ...(existing?.content as Record<string, unknown> | undefined),
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } },
    },
  };
}
