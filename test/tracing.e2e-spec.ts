import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type RunningTracing } from '@portal/tracing';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { startTestApp, type TestApp } from './support';
import { CALLER_SPAN_ID, inviteInTrace } from './support/traced-invitation';

jest.setTimeout(120_000);

/**
 * Tracing as OTEL_* switches it on, with the spans kept in memory: one trace runs from the API's
 * request through the event store and the read store to the projector's fold of its events, the
 * mailer's enqueue and its send (the outbox here; SMTP with SMTP_URL).
 */
describe('one trace from POST /v1/portal-users to the invitation email', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: RunningTracing;
  let app: TestApp;

  beforeAll(async () => {
    // Jest loads http, pg and ioredis through its own registry: no patching here, the spans are ours.
    tracing = startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)], instrument: false });
    app = await startTestApp({ mailer: true, config: { redisUrl: undefined } });
  });

  afterAll(async () => {
    await app?.close();
    await tracing?.shutdown();
  });

  const spans = () => exporter.getFinishedSpans();
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('carries the request trace through the event metadata to the projector and the mailer', async () => {
    const token = await app.adminToken();
    // The caller's own W3C trace context is continued.
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { portal, created } = await inviteInTrace(app.http, token, {
      slug: 'traced',
      email: 'traced.user@example.com',
      traceId: callerTrace,
    });
    expect(portal.status).toBe(201);
    expect(created.status).toBe(201);

    const inTrace = () => spans().filter((s) => s.spanContext().traceId === callerTrace);
    // The send span ends after its outcome is appended, which the mailer gathers into batches:
    // the outbox write can be over while its send span is still open.
    await waitUntil('the outbox and send spans in the request trace', () =>
      ['outbox.write', 'mailer.send invitation'].every((name) => inTrace().some((s) => s.name === name)),
    );

    const trace = inTrace();
    const named = (name: string) => trace.filter((s) => s.name === name);
    const [request] = named('POST /v1/portal-users');
    expect(request).toBeDefined();
    expect(parentOf(request)).toBe(CALLER_SPAN_ID);
    expect(request.attributes['http.response.status_code']).toBe(201);
    // The command's appends are children of the request.
    const appends = named('eventStore.append').filter((s) => parentOf(s) === request.spanContext().spanId);
    expect(appends.length).toBeGreaterThan(0);
    expect(trace.some((s) => s.name.startsWith('readStore.'))).toBe(true);
    // The projector folded the command's events in the same trace.
    const projected = trace.filter((s) => s.name.startsWith('projector.project '));
    expect(projected.map((s) => s.name)).toEqual(
      expect.arrayContaining(['projector.project InvitationSent']),
    );
    expect(projected.every((s) => parentOf(s) === request.spanContext().spanId)).toBe(true);
    // The mailer queued the invitation in it (the in-process queue's add under the producer span)…
    const [enqueue] = named('mailer.enqueue invitation');
    expect(enqueue).toBeDefined();
    expect(parentOf(enqueue)).toBe(request.spanContext().spanId);
    expect(enqueue.attributes['portal.email.kind']).toBe('invitation');
    expect(trace.filter((s) => parentOf(s) === enqueue.spanContext().spanId).map((s) => s.name)).toContain(
      'emailQueue.add',
    );
    // …and sent it, continuing from the enqueue: its send and, under it, the outbox write.
    const [send] = named('mailer.send invitation');
    expect(parentOf(send)).toBe(enqueue.spanContext().spanId);
    const [write] = named('outbox.write');
    expect(parentOf(write)).toBe(send.spanContext().spanId);
    expect(trace.filter((s) => parentOf(s) === send.spanContext().spanId).map((s) => s.name)).toEqual(
      // The mailer's jobs read their streams in batches (readStreams), then append the outcome.
      expect.arrayContaining(['eventStore.readStreams', 'eventStore.append']),
    );

    // No span carries a recipient address or a token.
    const attributes = JSON.stringify(spans().map((s) => s.attributes));
    expect(attributes).not.toContain('traced.user@example.com');
    expect(attributes).not.toContain(token);
  });

  it('stores the trace context in the events of a traced command', async () => {
    const events = await app.eventStore.readAll({ after: -1, limit: 1000 });
    const invitation = events.find((e) => e.type === 'InvitationSent');
    expect(invitation?.metadata.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  });
});

/**
 * The http, pg and ioredis instrumentations patch those modules as Node's require loads them; Jest
 * loads every module through its own registry, which they never see. So a plain node child (tracing
 * started before anything else loads) runs the service on PostgreSQL with the mailer on BullMQ and
 * reports the spans of one invitation's trace.
 */
describe('the http, pg and ioredis instrumentations in a plain node process', () => {
  const pgUrl = process.env.PG_URL;
  const withPostgres = pgUrl ? it : it.skip; // skipped without PG_URL: the pg instrumentation needs a PostgreSQL

  withPostgres(
    "put the server's, PostgreSQL's and BullMQ's Redis calls into the request's trace",
    async () => {
      const root = join(__dirname, '..');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-r', join(root, 'test/support/register-ts.cjs'), join(root, 'test/support/instrumented-child.ts')],
        { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
      );
      const line = stdout.split('\n').find((l) => l.startsWith('spans '));
      if (!line) throw new Error(`the child printed no spans: ${stdout}`);
      const spans = JSON.parse(line.slice('spans '.length)) as {
        name: string;
        scope: string;
        spanId: string;
        parentId?: string;
      }[];
      const byScope = (scope: string) =>
        spans.filter((s) => s.scope === `@opentelemetry/instrumentation-${scope}`);
      // The server span continues the caller's context; the service's own request span is its child.
      const [server] = byScope('http').filter((s) => s.parentId === CALLER_SPAN_ID);
      expect(server).toBeDefined();
      const [request] = spans.filter((s) => s.name === 'POST /v1/portal-users');
      expect(request.parentId).toBe(server.spanId);
      // PostgreSQL statements of the event store and read store, inside their port spans.
      const ids = new Map(spans.map((s) => [s.spanId, s]));
      const pg = byScope('pg');
      expect(pg.length).toBeGreaterThan(0);
      expect(pg.some((s) => ids.get(s.parentId!)?.name === 'eventStore.append')).toBe(true);
      // BullMQ's Redis commands under the mailer's enqueue (the queue's add span between them).
      const [enqueue] = spans.filter((s) => s.name === 'mailer.enqueue invitation');
      const [add] = spans.filter((s) => s.name === 'emailQueue.add' && s.parentId === enqueue.spanId);
      expect(byScope('ioredis').some((s) => s.parentId === add.spanId)).toBe(true);
      expect(spans.some((s) => s.name === 'outbox.write')).toBe(true);
    },
  );
});
