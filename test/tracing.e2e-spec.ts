import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type RunningTracing } from '@portal/tracing';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { startTestApp, type TestApp } from './support';

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
    const portal = await app.http.post('/v1/portals', { name: 'Traced', slug: 'traced' }, { token });
    expect(portal.status).toBe(201);
    // The caller's own W3C trace context is continued.
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const created = await app.http.post(
      '/v1/portal-users',
      {
        email: 'traced.user@example.com',
        firstName: 'Traced',
        lastName: 'User',
        portalIds: [portal.json.id],
        sendInvitation: true,
      },
      { token, headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` } },
    );
    expect(created.status).toBe(201);

    const inTrace = () => spans().filter((s) => s.spanContext().traceId === callerTrace);
    await waitUntil('the outbox span in the request trace', () =>
      inTrace().some((s) => s.name === 'outbox.write'),
    );

    const trace = inTrace();
    const named = (name: string) => trace.filter((s) => s.name === name);
    const [request] = named('POST /v1/portal-users');
    expect(request).toBeDefined();
    expect(parentOf(request)).toBe('00f067aa0ba902b7');
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
      expect.arrayContaining(['eventStore.readStream', 'eventStore.append']),
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
