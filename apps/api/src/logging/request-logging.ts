import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PortalRequest } from '../http/request-context';
import type { ApiMetrics } from '../metrics/api-metrics';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** X-Request-Id when the caller (a proxy) sent a sane one, else a fresh id. */
export function requestIdOf(raw: { headers: Record<string, string | string[] | undefined> }): string {
  const header = raw.headers['x-request-id'];
  return typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
}

/** The path without its query: a query may carry a one-time token or personal search words. */
export function pathOf(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

/**
 * One line per answered request: request id, correlation and causation ids, actor (kind and id
 * only: no name or email), portal, route template, status and duration. Never the query, a header
 * value or a body. The same answer feeds the request duration histogram.
 */
export function registerRequestLogging(fastify: FastifyInstance, metrics?: ApiMetrics): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const portalRequest = request as PortalRequest;
    const ctx = portalRequest.commandContext;
    const user = portalRequest.user;
    const correlation = request.headers['x-correlation-id'];
    const route = request.routeOptions.url ?? 'unmatched';
    metrics?.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        route,
        path: pathOf(request.url),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        correlationId:
          ctx?.correlationId ??
          (typeof correlation === 'string' && SAFE_ID.test(correlation) ? correlation : undefined),
        causationId: ctx?.causationId ?? undefined,
        actor: user ? { type: user.kind, id: user.id } : undefined,
        portal: user?.kind === 'portalUser' ? user.portalId : portalParam(request),
      },
      'request completed',
    );
  });
}

function portalParam(request: FastifyRequest): string | undefined {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const value = params.slug ?? params.portalId;
  return typeof value === 'string' ? value : undefined;
}
