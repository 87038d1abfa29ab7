import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { tracingOn } from './tracing-switch';

export const TRACER_NAME = 'crm-customer-portal';

const tracer = () => trace.getTracer(TRACER_NAME);

export interface SpanOptions {
  attributes?: Attributes;
  kind?: 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  /** W3C `traceparent` of the work this continues (an event's, a job's); default the active span. */
  traceparent?: string;
  startTime?: number;
}

const KINDS = {
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};

/**
 * Runs `work` in a span (active for everything it awaits), recording a thrown error on it. With
 * tracing off it only calls `work`.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span?: Span) => T): T {
  if (!tracingOn()) return work();
  const parent = options.traceparent ? contextOf(options.traceparent) : context.active();
  return tracer().startActiveSpan(
    name,
    { kind: KINDS[options.kind ?? 'internal'], attributes: options.attributes, startTime: options.startTime },
    parent,
    (span) => {
      let result: T;
      try {
        result = work(span);
      } catch (error) {
        fail(span, error);
        span.end();
        throw error;
      }
      if (result instanceof Promise) {
        return result.then(
          (value: unknown) => {
            span.end();
            return value;
          },
          (error: unknown) => {
            fail(span, error);
            span.end();
            throw error;
          },
        ) as T;
      }
      span.end();
      return result;
    },
  );
}

/** A span that has already happened (start and end known), e.g. one event's share of a projected batch. */
export function recordSpan(
  name: string,
  options: SpanOptions & { startTime: number; endTime: number },
): void {
  if (!tracingOn()) return;
  const parent = options.traceparent ? contextOf(options.traceparent) : context.active();
  const span = tracer().startSpan(
    name,
    { kind: KINDS[options.kind ?? 'internal'], attributes: options.attributes, startTime: options.startTime },
    parent,
  );
  span.end(options.endTime);
}

/**
 * The W3C `traceparent` of the active span, to carry in an event's metadata or a job: undefined
 * when tracing is off or nothing is being traced.
 */
export function activeTraceparent(): string | undefined {
  if (!tracingOn()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` (W3C trace context) names, as a parent for new spans. */
export function contextOf(traceparent: string): Context {
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
