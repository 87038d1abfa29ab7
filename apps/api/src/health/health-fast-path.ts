import type { FastifyInstance, FastifyReply } from 'fastify';
import { CachedHealthChecks, isReady } from './cached-health-checks';

const LIVE = Object.freeze({ status: 'ok' as const });

/**
 * The probes answered in Fastify's onRequest hook, before Nest's pipeline (its interceptors,
 * filters and parameter handling were about half the CPU of a /health request, which load
 * balancers and orchestrators poll): GET /health/live (no I/O), /health/ready, and /health without
 * an Authorization header, whose answer is the status alone. The answers are those of
 * HealthController, which stays the route (and its documentation) for everything else: a /health
 * with credentials (an operator may see the checks' details, OperatorAccess decides) and HEAD. The
 * request logging, metrics and tracing hooks registered before this one still see every request.
 */
export function registerHealthFastPath(fastify: FastifyInstance, checks: CachedHealthChecks): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET') return done();
    const route = request.routeOptions.url;
    if (route === '/health/live') {
      void reply.send(LIVE);
      return;
    }
    if (route === '/health/ready' || (route === '/health' && request.headers.authorization === undefined)) {
      answerReadiness(checks, reply);
      return;
    }
    done();
  });
}

/** 200 `{ status: "ok" }` or 503 `{ status: "degraded" }`, from the checks of the last second. */
function answerReadiness(checks: CachedHealthChecks, reply: FastifyReply): void {
  checks.run().then(
    (reports) => {
      const ready = isReady(reports);
      void reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'degraded' });
    },
    (error: unknown) => void reply.send(error),
  );
}
