import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startTestApp, type TestApp } from './support';

const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';

/** /metrics as Prometheus reads it: valid text format, process metrics, and counters that move with traffic. */
describe('GET /metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { metricsToken: METRICS_TOKEN } });
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
});
