import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceConfig } from '@portal/platform';
import { silentProjectorLogger } from '@portal/projector';
import { openServiceStores, startService, type RunningService, type ServiceStores } from '@portal/runtime';
import { createApiApp } from '../apps/api/src/create-api-app';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { api } from './support/http-client';
import { TEST_ADMIN } from './support/test-app';
import { scrapeMetrics, type Scrape } from './support/prometheus-scrape';

jest.setTimeout(120_000);

const METRICS_TOKEN = 'metrics-token-of-the-role-processes-0123';

/**
 * The projector and the mailer as their own processes (`npm run start:projector`, `start:mailer`)
 * serve /metrics, liveness and readiness on METRICS_PORT, for METRICS_TOKEN only. Here the three
 * roles run side by side on one in-memory store, each composed as its main composes it.
 */
describe('/metrics of the projector and the mailer run alone (METRICS_PORT)', () => {
  let dataDir: string;
  let stores: ServiceStores;
  let apiService: RunningService;
  let projector: RunningService;
  let mailer: RunningService;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portal-role-metrics-'));
    const config: ServiceConfig = {
      port: 0,
      dataDir,
      eventStore: 'embedded',
      readStore: 'embedded',
      redisUrl: undefined,
      smtpUrl: undefined,
      jwtSecret: randomBytes(32).toString('base64url'),
      bootstrapAdmin: { ...TEST_ADMIN },
      publicUrl: 'http://127.0.0.1:1',
      metricsToken: METRICS_TOKEN,
      metricsPort: 0,
    };
    stores = await openServiceStores(config, { inMemory: true });
    const common = { stores, host: '127.0.0.1', metricsHost: '127.0.0.1', apiLogger: false as const };
    projector = await startService(config, {
      ...common,
      parts: { projector: true },
      projector: { logger: silentProjectorLogger },
      waitForProjector: true,
    });
    mailer = await startService(config, { ...common, parts: { mailer: true } });
    apiService = await startService(config, { ...common, parts: { api: createApiApp } });
  });

  afterAll(async () => {
    await apiService?.close();
    await mailer?.close();
    await projector?.close();
    await stores?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens only in the processes without the API', () => {
    expect(projector.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mailer.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(apiService.metricsUrl).toBeUndefined();
  });

  it('answers liveness and readiness to anyone, /metrics only to METRICS_TOKEN', async () => {
    for (const url of [projector.metricsUrl!, mailer.metricsUrl!]) {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok' });
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
      expect(wrong.status).toBe(401);
      expect((await fetch(`${url}/nothing`)).status).toBe(404);
    }
  });

  it("each role's series parse and move when the API takes an invitation", async () => {
    const projectorBefore = await scrapeMetrics(`${projector.metricsUrl}/metrics`, METRICS_TOKEN);
    const mailerBefore = await scrapeMetrics(`${mailer.metricsUrl}/metrics`, METRICS_TOKEN);
    for (const scrape of [projectorBefore, mailerBefore]) {
      expect(scrape.families.get('process_cpu_user_seconds_total')?.type).toBe('COUNTER');
      // No role serves the API's series.
      expect(scrape.families.has('http_request_duration_seconds')).toBe(false);
    }
    expect(projectorBefore.families.get('portal_projector_lag_events')?.type).toBe('GAUGE');
    expect(projectorBefore.families.has('portal_emails_delivered_total')).toBe(false);
    expect(mailerBefore.families.get('portal_email_queue_jobs')?.type).toBe('GAUGE');
    expect(mailerBefore.families.has('portal_projector_events_total')).toBe(false);

    const http = api(apiService.url!);
    const login = await http.post('/v1/auth/staff/login', TEST_ADMIN);
    expect(login.status).toBe(200);
    const token = login.json.accessToken as string;
    const portal = await http.post('/v1/portals', { name: 'Roles', slug: 'roles' }, { token });
    expect(portal.status).toBe(201);
    const user = await http.post(
      '/v1/portal-users',
      {
        email: 'role.metrics@example.com',
        firstName: 'Role',
        lastName: 'Metrics',
        portalIds: [portal.json.id],
        sendInvitation: true,
      },
      { token },
    );
    expect(user.status).toBe(201);

    let mailerAfter: Scrape | undefined;
    await waitUntil('the mailer counted the invitation', async () => {
      mailerAfter = await scrapeMetrics(`${mailer.metricsUrl}/metrics`, METRICS_TOKEN);
      return mailerAfter.value('portal_emails_delivered_total', { kind: 'invitation' }) === 1;
    });
    expect(mailerAfter!.value('portal_email_queue_up')).toBe(1);
    expect(mailerAfter!.value('portal_email_queue_jobs', { state: 'failed' })).toBe(0);
    await waitUntil('the projector caught up', async () => {
      const now = await scrapeMetrics(`${projector.metricsUrl}/metrics`, METRICS_TOKEN);
      return (
        now.value('portal_projector_lag_events') === 0 &&
        now.value('portal_projector_events_total') > projectorBefore.value('portal_projector_events_total')
      );
    });
    const projectorAfter = await scrapeMetrics(`${projector.metricsUrl}/metrics`, METRICS_TOKEN);
    expect(projectorAfter.value('portal_projector_batch_size_events')).toBeGreaterThan(
      projectorBefore.value('portal_projector_batch_size_events'),
    );
    expect(projectorAfter.value('portal_projector_checkpoint')).toBe(
      projectorAfter.value('portal_event_store_head_position'),
    );
  });
});
