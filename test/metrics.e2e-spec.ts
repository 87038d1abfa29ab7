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
    app = await startTestApp({
      // PostgreSQL when there is one (CI): its round trips let racing requests interleave (see the conflicts case).
      store: process.env.PG_URL ? 'postgres' : 'embedded',
      mailer: true,
      config: { metricsToken: METRICS_TOKEN, redisUrl: undefined },
      // The rebuild below drops the old generation after this pause instead of the default 5 s.
      projector: { retireDelayMs: 200 },
    });
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

  const read = async () => parseScrape((await app.http.get('/metrics', { token: METRICS_TOKEN })).text);

  /** A labelled histogram's _count, read from the text (see requestCount). */
  function histogramCount(scraped: { text: string }, name: string, labels: string): number {
    const series = `${name}_count{${labels}}`;
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

  // The embedded store (PGlite) answers in microtasks, so one request's read-decide-append runs to
  // its end before the next request is even parsed: no two writers ever race in one process there.
  const withRacingWriters = process.env.PG_URL ? it : it.skip; // skipped without PG_URL: nothing can race
  withRacingWriters(
    'counts optimistic-concurrency conflicts and retries of racing writes to one stream',
    async () => {
      const token = await app.adminToken();
      const portal = await app.http.post('/v1/portals', { name: 'Race', slug: 'metrics-race' }, { token });
      expect(portal.status).toBe(201);
      const path = `/v1/portals/${portal.json.id}`;
      const stream = { stream: 'portal' };

      // Writers with the same If-Match: one wins, the others are refused (412), counted as such.
      const pinned = await read();
      const current = await app.http.get(path, {
        token,
        headers: { 'x-consistency-token': portal.headers.get('x-consistency-token')! },
      });
      const etag = current.headers.get('etag')!;
      const pinnedAnswers = await Promise.all(
        ['a', 'b', 'c'].map((n) =>
          app.http.patch(path, { name: `Pinned ${n}` }, { token, headers: { 'if-match': etag } }),
        ),
      );
      expect(pinnedAnswers.map((a) => a.status).sort()).toEqual([200, 412, 412]);
      const afterPinned = await read();
      expect(
        afterPinned.value('portal_commands_refused_total', { ...stream, code: 'precondition_failed' }) -
          pinned.value('portal_commands_refused_total', { ...stream, code: 'precondition_failed' }),
      ).toBe(2);

      // Writers without If-Match read the same revision and race to append: the losers conflict and
      // are decided again on the fresh state, so every write lands. Fewer writers than the policy's
      // attempts, so none runs out of retries; rounds repeat until the race was really run.
      let conflicts = 0;
      let retries = 0;
      for (let round = 0; round < 10 && conflicts === 0; round++) {
        const start = await read();
        const answers = await Promise.all(
          [1, 2, 3, 4].map((n) => app.http.patch(path, { name: `Racer ${round}.${n}` }, { token })),
        );
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
        const end = await read();
        conflicts =
          end.value('portal_command_conflicts_total', stream) -
          start.value('portal_command_conflicts_total', stream);
        retries =
          end.value('portal_command_retries_total', stream) -
          start.value('portal_command_retries_total', stream);
      }
      expect(conflicts).toBeGreaterThan(0);
      // Every conflict was retried (none ran out of attempts: all four answered 200).
      expect(retries).toBe(conflicts);
    },
  );

  it("counts a rebuild's replayed events and batches apart from the live projector's, and stays ready", async () => {
    const before = await read();
    const result = await app.projector.rebuild();
    expect(result.events).toBeGreaterThan(0);
    const after = await read();
    const moved = (labels: Record<string, string>) =>
      after.value('portal_projector_events_total', labels) -
      before.value('portal_projector_events_total', labels);
    expect(moved({ work: 'rebuild' })).toBe(result.events);
    expect(
      histogramCount(after, 'portal_projector_batch_size_events', 'work="rebuild"') -
        histogramCount(before, 'portal_projector_batch_size_events', 'work="rebuild"'),
    ).toBeGreaterThanOrEqual(1);
    expect(after.value('portal_projector_generation')).toBe(result.to);
    // The old generation was served all along: the process stays ready through a rebuild.
    expect((await app.http.get('/health/ready')).status).toBe(200);
  });

  // Last: it stops this app's projector.
  it('counts the 503s of a read and of a command whose read models do not catch up in time', async () => {
    const token = await app.adminToken();
    await app.projector.stop();
    const before = await read();
    const created = await app.http.post('/v1/portals', { name: 'Behind', slug: 'metrics-behind' }, { token });
    expect(created.status).toBe(201);
    const consistency = created.headers.get('x-consistency-token')!;
    // Both wait the full 5 s for a projector that no longer runs; side by side, so 5 s in all.
    const [readBack, madeDefault] = await Promise.all([
      app.http.get(`/v1/portals/${created.json.id}`, {
        token,
        headers: { 'x-consistency-token': consistency },
      }),
      // Making a portal the default first brings the portals read model to the head.
      app.http.post('/v1/portals', { name: 'Default', slug: 'metrics-default', isDefault: true }, { token }),
    ]);
    expect(readBack.status).toBe(503);
    expect(readBack.json.type).toMatch(/read_model_behind$/);
    expect(madeDefault.status).toBe(503);
    expect(madeDefault.json.type).toMatch(/read_model_behind$/);
    const after = await read();
    const moved = (side: string) =>
      after.value('portal_read_model_behind_total', { side }) -
      before.value('portal_read_model_behind_total', { side });
    expect(moved('query')).toBe(1);
    expect(moved('command')).toBe(1);
    expect(
      histogramCount(after, 'portal_read_your_writes_wait_seconds', 'outcome="timeout"') -
        histogramCount(before, 'portal_read_your_writes_wait_seconds', 'outcome="timeout"'),
    ).toBe(1);
  });
});
