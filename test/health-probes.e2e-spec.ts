import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import type { ServiceConfig } from '@portal/platform';
import { silentProjectorLogger } from '@portal/projector';
import { openServiceStores, startService, type RunningService, type ServiceStores } from '@portal/runtime';
import { createApiApp } from '../apps/api/src/create-api-app';
import { HEALTH_CACHE_MS } from '../apps/api/src/health/cached-health-checks';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { api } from './support/http-client';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

const pastTheCache = () => new Promise((resolve) => setTimeout(resolve, HEALTH_CACHE_MS + 100));

/** GET /health/live and /health/ready as an orchestrator's probes see them. */
describe('liveness and readiness', () => {
  describe('a running service', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp();
    });

    afterAll(async () => {
      await app?.close();
    });

    it('is alive and ready, and says no more than its status to the public', async () => {
      const live = await app.http.get('/health/live');
      expect(live.status).toBe(200);
      expect(live.json).toEqual({ status: 'ok' });
      const ready = await app.http.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.json).toEqual({ status: 'ok' });
      expect((await app.http.get('/health')).json).toEqual({ status: 'ok' });
    });

    it('is alive but not ready once its stores are unreachable', async () => {
      await app.eventStore.close();
      await pastTheCache();
      const ready = await app.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.json).toEqual({ status: 'degraded' });
      expect((await app.http.get('/health')).status).toBe(503);
      expect((await app.http.get('/health/live')).status).toBe(200);
    });
  });

  describe('a service whose projector has not reached the head yet', () => {
    let dataDir: string;
    let stores: ServiceStores;
    let service: RunningService;
    let release!: () => void;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'portal-readiness-'));
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
      };
      stores = await openServiceStores(config, { inMemory: true });
      // A log already there (a new read store next to an existing event store): the first catch-up
      // has work to do, and its reads wait here until the test lets them through.
      await stores.eventStore.append(
        `probe-${randomUUID()}`,
        [
          {
            id: randomUUID(),
            type: 'ProbeHappened',
            data: {},
            metadata: {
              actor: SYSTEM_ACTOR,
              correlationId: randomUUID(),
              causationId: null,
              timestamp: new Date().toISOString(),
            },
          },
        ],
        'any',
      );
      const gate = new Promise<void>((resolve) => (release = resolve));
      service = await startService(config, {
        stores,
        parts: { api: createApiApp, projector: true },
        host: '127.0.0.1',
        apiLogger: false,
        projector: { logger: silentProjectorLogger, events: gatedCatchUp(stores.eventStore, gate) },
      });
    });

    afterAll(async () => {
      release?.();
      await service?.close();
      await stores?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('is alive but not ready until the first catch-up reached the head, then ready', async () => {
      const http = api(service.url!);
      expect((await http.get('/health/live')).status).toBe(200);
      const before = await http.get('/health/ready');
      expect(before.status).toBe(503);
      expect(before.json).toEqual({ status: 'degraded' });
      release();
      await waitUntil(
        'ready after the catch-up',
        async () => (await http.get('/health/ready')).status === 200,
      );
      expect((await http.get('/health')).status).toBe(200);
    });
  });
});

/**
 * The event store as the projector sees it, with its batch reads held at a gate (the lag's
 * one-event peek and everything else go through): a catch-up that takes as long as the test wants.
 */
function gatedCatchUp(store: EventStore, gate: Promise<void>): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readAll') {
        return async (options: Parameters<EventStore['readAll']>[0]) => {
          if (options?.limit !== 1) await gate;
          return target.readAll(options);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
