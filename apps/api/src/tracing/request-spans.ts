import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TRACER_NAME, tracingOn } from '@portal/tracing';

const spans = new WeakMap<FastifyRequest, { span: Span; context: Context }>();

/**
 * With tracing on, one server span per request, named by route template, continuing the caller's
 * W3C trace context (or the http instrumentation's span) and active for everything the request
 * does: the command, its appends (whose events carry it on to the projector and the mailer).
 * Registered only when tracing is on; never the query string or a header value.
 */
export function registerRequestSpans(fastify: FastifyInstance): void {
  if (!tracingOn()) return;
  const tracer = trace.getTracer(TRACER_NAME);
  fastify.addHook('onRequest', (request, reply, done) => {
    const current = context.active();
    const parent = trace.getSpan(current) ? current : propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url ?? 'unmatched';
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'portal.request_id': request.id,
        },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    spans.set(request, { span, context: active });
    context.with(active, done);
  });
  // Again once the body is read (its stream events run outside the request's context): the handler
  // and everything it awaits inherit the span.
  fastify.addHook('preHandler', (request, reply, done) => {
    const started = spans.get(request);
    if (started) context.with(started.context, done);
    else done();
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request)?.span;
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    spans.delete(request);
  });
}
