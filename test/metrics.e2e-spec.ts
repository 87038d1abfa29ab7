import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { startTestApp, type TestApp } from './support';
import { parseScrape } from './support/prometheus-scrape';

jest.setTimeout(120_000);

const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';

/** /metrics as Prometheus reads it: valid text format, process metrics, and counters that move with traffic. */
describe('GET /metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    // The mailer on its in-process queue (no REDIS_URL): one process, every role's series on /metrics.
    app = await startTestApp({ mailer: true, config: { metricsToken: METRICS_TOKEN, redisUrl: undefined } });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The families as the parser reads them, and the raw text for the counts. */
  async function scrape() {
    const res = await app.http.get('/metrics', { token: METRICS_TOKEN });
    expect(res.status).toBe(200);
    const families = new Map(parsePrometheusTextFormat(res.text).map((f) => [f.name, f]));
    return { families, text: res.text };
  }

  /**
   * A histogram series' _count. Read from the text: the parser (1.1) drops the labels of histogram
   * series whose `le` does not come last, which prom-client writes first.
   */
  function requestCount(
    scraped: { text: string },
    labels: { method: string; route: string; status: string },
  ): number {
    const series = `http_request_duration_seconds_count{method="${labels.method}",route="${labels.route}",status="${labels.status}"}`;
    const line = scraped.text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }

  it('parses, holds process and projector series, and counts requests by route template and status', async () => {
    const token = await app.adminToken();
    const before = await scrape();
    expect(before.families.get('process_cpu_user_seconds_total')?.type).toBe('COUNTER');
    expect(before.families.get('nodejs_eventloop_lag_seconds')?.type).toBe('GAUGE');
    expect(before.families.get('portal_projector_lag_events')?.type).toBe('GAUGE');
    expect(before.families.get('http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    const created = { method: 'POST', route: '/v1/portals', status: '201' };
    const missing = { method: 'GET', route: '/v1/portals/:id', status: '404' };
    const createdBefore = requestCount(before, created);
    const missingBefore = requestCount(before, missing);

    for (const slug of ['metrics-a', 'metrics-b', 'metrics-c']) {
      expect((await app.http.post('/v1/portals', { name: slug, slug }, { token })).status).toBe(201);
    }
    for (const id of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']) {
      expect((await app.http.get(`/v1/portals/${id}`, { token })).status).toBe(404);
    }

    const after = await scrape();
    expect(requestCount(after, created)).toBe(createdBefore + 3);
    expect(requestCount(after, missing)).toBe(missingBefore + 2);
    // Labels name the template, never a raw path with ids in it.
    expect(after.text).not.toContain('route="/v1/portals/00000000-');
  });

  it("one process: the commands', logins', read-your-writes', projector's and mailer's series move with traffic", async () => {
    const read = async () => parseScrape((await app.http.get('/metrics', { token: METRICS_TOKEN })).text);
    const before = await read();
    for (const name of [
      'portal_commands_handled_total',
      'portal_commands_refused_total',
      'portal_command_conflicts_total',
      'portal_command_retries_total',
      'portal_logins_total',
      'portal_read_your_writes_wait_seconds',
      'portal_projector_events_total',
      'portal_projector_batch_size_events',
      'portal_emails_delivered_total',
      'portal_emails_retried_total',
      'portal_emails_failed_total',
    ]) {
      expect(before.families.has(name)).toBe(true);
    }
    expect(before.families.get('portal_email_queue_jobs')?.type).toBe('GAUGE');
    expect(before.value('portal_email_queue_up')).toBe(1);
    expect(before.value('portal_email_queue_jobs', { state: 'waiting' })).toBe(0);

    const token = await app.adminToken();
    const wrong = await app.http.post('/v1/auth/staff/login', {
      email: app.admin.email,
      password: 'Wrong-password-1!',
    });
    expect(wrong.status).toBe(401);
    const limitedEmail = 'nobody-metrics@example.com';
    let limited = 0;
    for (let i = 0; i < 11; i++) {
      const res = await app.http.post('/v1/auth/staff/login', {
        email: limitedEmail,
        password: 'Wrong-password-1!',
      });
      if (res.status === 429) limited++;
    }
    expect(limited).toBe(1);

    const portal = await app.http.post('/v1/portals', { name: 'Metrics d', slug: 'metrics-d' }, { token });
    expect(portal.status).toBe(201);
    const taken = await app.http.post('/v1/portals', { name: 'Metrics d', slug: 'metrics-d' }, { token });
    expect(taken.status).toBe(409);
    const user = await app.http.post(
      '/v1/portal-users',
      {
        email: 'metrics.user@example.com',
        firstName: 'Metrics',
        lastName: 'User',
        portalIds: [portal.json.id],
        sendInvitation: true,
      },
      { token },
    );
    expect(user.status).toBe(201);
    const consistency = user.headers.get('x-consistency-token')!;
    const readBack = await app.http.get(`/v1/portal-users/${user.json.id}`, {
      token,
      headers: { 'x-consistency-token': consistency },
    });
    expect(readBack.status).toBe(200);

    await waitUntil('the invitation is delivered and counted', async () => {
      const now = await read();
      return (
        now.value('portal_emails_delivered_total', { kind: 'invitation' }) >
        before.value('portal_emails_delivered_total', { kind: 'invitation' })
      );
    });
    const after = await read();
    const moved = (name: string, labels?: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(moved('portal_logins_total', { realm: 'staff', outcome: 'failure' })).toBe(11);
    expect(moved('portal_logins_total', { realm: 'staff', outcome: 'rate_limited' })).toBe(1);
    expect(after.value('portal_logins_total', { realm: 'staff', outcome: 'success' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(moved('portal_commands_handled_total', { stream: 'portal' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_commands_handled_total', { stream: 'portalUser' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_commands_refused_total')).toBeGreaterThanOrEqual(1);
    expect(moved('portal_read_your_writes_wait_seconds')).toBe(1);
    expect(moved('portal_projector_events_total')).toBeGreaterThanOrEqual(3);
    expect(moved('portal_projector_batch_size_events')).toBeGreaterThanOrEqual(1);
    expect(moved('portal_emails_delivered_total', { kind: 'invitation' })).toBe(1);
    expect(after.value('portal_projector_lag_events')).toBeGreaterThanOrEqual(0);
    expect(after.value('portal_event_store_head_position')).toBeGreaterThan(
      before.value('portal_event_store_head_position'),
    );
  });
});
