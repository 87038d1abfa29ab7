import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { setTracingOn } from './tracing-switch';

export interface TracingOptions {
  /** OTEL_SERVICE_NAME, else this. */
  serviceName?: string;
  /** Where spans go; default from OTEL_TRACES_EXPORTER (otlp, console) through a batch processor. */
  spanProcessors?: SpanProcessor[];
  /** Patch http, pg and ioredis (default true); tests that load them through Jest's registry say false. */
  instrument?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface RunningTracing {
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

let running: RunningTracing | undefined;

/**
 * Whether the standard OTEL_* variables ask for traces: an exporter other than `none` named in
 * OTEL_TRACES_EXPORTER, or an OTLP endpoint; never with OTEL_SDK_DISABLED=true. Default: off.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = exporterNames(env);
  if (exporters.length > 0) return !exporters.includes('none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Loads the OpenTelemetry SDK, registers it (AsyncLocalStorage context, W3C trace context) and
 * the http, pg and ioredis instrumentations, and turns this process's own spans on. Loaded here,
 * on demand, so a process without OTEL_* settings never loads the SDK at all.
 */
export function startTracing(options: TracingOptions = {}): RunningTracing {
  if (running) return running;
  const env = options.env ?? process.env;
  // Required on demand, not imported: the SDK must not load at all in a process without tracing.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || options.serviceName || 'crm-customer-portal',
    }),
    spanProcessors: options.spanProcessors ?? defaultProcessors(env),
  });
  provider.register();
  let unpatch = (): void => undefined;
  if (options.instrument !== false) {
    const { registerInstrumentations } =
      require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
    const { HttpInstrumentation } =
      require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
    const { PgInstrumentation } =
      require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
    const { IORedisInstrumentation } =
      require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
    unpatch = registerInstrumentations({
      tracerProvider: provider,
      // Database and Redis calls only inside traced work (not every poll and heartbeat).
      instrumentations: [
        new HttpInstrumentation(),
        new PgInstrumentation({ requireParentSpan: true }),
        new IORedisInstrumentation({ requireParentSpan: true }),
      ],
    });
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  setTracingOn(true);
  const started: RunningTracing = {
    shutdown: async () => {
      setTracingOn(false);
      unpatch();
      running = undefined;
      await provider.shutdown();
    },
  };
  running = started;
  return started;
}

/** Sends the spans still buffered (before a process exits); nothing when tracing is off. */
export async function flushTracing(): Promise<void> {
  await running?.shutdown();
}

function exporterNames(env: NodeJS.ProcessEnv): string[] {
  return (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
}

function defaultProcessors(env: NodeJS.ProcessEnv): SpanProcessor[] {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { BatchSpanProcessor, ConsoleSpanExporter } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const names = exporterNames(env);
  return (names.length > 0 ? names : ['otlp']).map((name) => {
    if (name === 'console') return new BatchSpanProcessor(new ConsoleSpanExporter());
    if (name !== 'otlp')
      throw new Error(`OTEL_TRACES_EXPORTER: ${name} is not supported (otlp, console or none)`);
    const { OTLPTraceExporter } =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return new BatchSpanProcessor(new OTLPTraceExporter());
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}
