// Started by tracing.e2e-spec.ts in a plain node process: the http, pg and ioredis instrumentations
// patch those modules as they load, which Jest's own module registry never lets them do. So tracing
// starts here before anything else is loaded; then the service runs on PostgreSQL (PG_URL) with the
// mailer on BullMQ (REDIS_URL), takes one invitation, and prints the spans of that request's trace.
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@portal/tracing';

const exporter = new InMemorySpanExporter();
const tracing = startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

/** The trace id the request is sent in (the caller's W3C trace context). */
const TRACE = 'a0e1c2d3b4f5a6e7d8c9b0a1f2e3d4c5';

async function main(): Promise<void> {
  // Loaded only now, after the instrumentations are in place.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('reflect-metadata');
  const { startTestApp } = require('./test-app') as typeof import('./test-app');
  const { inviteInTrace } = require('./traced-invitation') as typeof import('./traced-invitation');
  const { waitUntil } =
    require('../../libs/mailer/src/testing/wait-until') as typeof import('../../libs/mailer/src/testing/wait-until');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = await startTestApp({ store: 'postgres', mailer: true });
  try {
    const token = await app.adminToken();
    const { created } = await inviteInTrace(app.http, token, {
      slug: 'instrumented',
      email: 'instrumented.user@example.com',
      traceId: TRACE,
    });
    if (created.status !== 201) throw new Error(`POST /v1/portal-users: ${created.status} ${created.text}`);
    const inTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === TRACE);
    await waitUntil('the outbox write in the request trace', () =>
      inTrace().some((s) => s.name === 'outbox.write'),
    );
    const spans = inTrace().map((s) => ({
      name: s.name,
      scope: s.instrumentationScope.name,
      spanId: s.spanContext().spanId,
      parentId: s.parentSpanContext?.spanId,
    }));
    process.stdout.write(`spans ${JSON.stringify(spans)}\n`);
  } finally {
    await app.close();
    await tracing.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
