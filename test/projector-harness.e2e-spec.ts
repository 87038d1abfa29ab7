import { startTestApp, type TestApp } from './support/test-app';

describe('test harness (embedded)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers GET /health 200 with the projector caught up', async () => {
    const res = await app.http.get('/health', { token: await app.adminToken() });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ok');
    expect(res.json.checks.projector.status).toBe('up');
    expect(res.json.checks.projector.lag).toEqual({ events: 0, seconds: 0 });
  });

  it('logs the bootstrap admin in', async () => {
    const token = await app.adminToken();
    expect(token.split('.')).toHaveLength(3);
  });

  it('serves projector lag metrics in Prometheus text', async () => {
    const res = await app.http.get('/metrics', { token: await app.adminToken() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toMatch(/^portal_projector_lag_events 0$/m);
    expect(res.text).toMatch(/^portal_projector_lag_seconds 0$/m);
  });
});

describe('test harness with the mailer (embedded)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ mailer: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reports the mailer in GET /health: Redis, transport and the emails in flight', async () => {
    const res = await app.http.get('/health', { token: await app.adminToken() });
    expect(res.status).toBe(200);
    expect(res.json.checks.mailer).toEqual({
      status: 'up',
      redis: 'ready',
      transport: expect.stringContaining('outbox'),
      pendingEmails: 0,
      oldestPendingSince: null,
      scheduledEmails: 0,
    });
  });
});
