import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';

// Refusals Fastify and Node make before any route runs answer problem documents like every other
// error: a path segment too long (414), headers too large (431), a URL or request that cannot be
// parsed (400).

/** Fastify's `frameworkErrors`: router-level refusals (bad URL encoding, a parameter too long). */
export function frameworkErrors(
  error: { code?: string; message: string },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem(414, 'uri_too_long', 'A path segment of the request is too long.')
      : problem(400, 'bad_url', 'The request URL cannot be parsed.');
  void reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/** Fastify's `clientErrorHandler`: the HTTP parser refused the request (no route, no reply object). */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'headers_too_large', 'The request headers (or its URL) are too large.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'request_timeout', 'The request took too long to arrive.')
        : problem(400, 'bad_request', 'The request cannot be parsed as HTTP.');
  const json = JSON.stringify({ ...body, title: STATUS_CODES[body.status] ?? body.title });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
