import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, type Problem } from './problem';
import { findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UPLOAD_PATH = /^\/v1\/(portals\/[^/]+\/)?records\/[^/]+\/[^/]+\/attachments(\?|$)/;
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/;

function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Checks every request before any route sees it:
 * - a command's body must be JSON (415 otherwise), so no cross-site HTML form can send one;
 * - no string in the body or query may hold what the stores refuse (NUL, lone surrogates), and
 *   no body may nest deeper than MAX_INPUT_DEPTH: 400 naming the field, nothing appended;
 * - answers to authenticated requests are never cached (`Cache-Control: no-store`).
 */
export function registerRequestHygiene(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!COMMAND_METHODS.has(request.method) || !hasBody(request)) return;
    if (JSON_MEDIA_TYPE.test(mediaTypeOf(request))) return;
    // Uploads are multipart; they need a bearer token, which no cross-site form can send.
    if (
      request.method === 'POST' &&
      UPLOAD_PATH.test(request.url) &&
      mediaTypeOf(request) === 'multipart/form-data'
    )
      return;
    return sendProblem(
      reply,
      problem(415, 'unsupported_media_type', 'Commands take a JSON body (Content-Type: application/json).'),
    );
  });

  fastify.addHook('preValidation', async (request, reply) => {
    const found = findUnsafeInput(request.query, '/query') ?? findUnsafeInput(request.body);
    if (!found) return;
    return sendProblem(
      reply,
      found.kind === 'too_deep'
        ? problem(400, 'too_deeply_nested', `The request nests deeper than ${MAX_INPUT_DEPTH} levels.`, [
            { path: found.path, message: `nests deeper than ${MAX_INPUT_DEPTH} levels` },
          ])
        : problem(400, 'validation_failed', `The request is not valid: ${found.path} ${found.message}.`, [
            { path: found.path, message: found.message },
          ]),
    );
  });

  fastify.addHook('onSend', async (request, reply) => {
    if (request.headers.authorization !== undefined) void reply.header('cache-control', 'no-store');
  });
}
