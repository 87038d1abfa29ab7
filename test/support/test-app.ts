import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import type { EventStore } from '@portal/event-store';
import { dropSchema, type ServiceConfig, type ServiceLogger } from '@portal/platform';
import type { Projector, ProjectorOptions } from '@portal/projector';
import { silentProjectorLogger } from '@portal/projector';
import type { ReadStore } from '@portal/read-store';
import type { Mailer, MailerOptions } from '../../libs/mailer/src/mailer';
import { startService, type RunningBlobSweeper } from '@portal/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { freePort } from './free-port';
import { api, type ApiClient } from './http-client';

export interface TestAppOptions {
  /**
   * 'postgres' needs PG_URL (a fresh random schema, dropped on close); default 'embedded' (PGlite,
   * in memory, with a temp DATA_DIR for the outbox and the like).
   */
  store?: 'embedded' | 'postgres';
  /** Start the mailer too (outbox files in DATA_DIR/outbox unless config.smtpUrl); needs Redis. Default false. */
  mailer?: boolean;
  /** Settings over the harness's defaults (e.g. smtpUrl, bootstrapAdmin: undefined). */
  config?: Partial<ServiceConfig>;
  projector?: Partial<ProjectorOptions>;
  mailerOptions?: Partial<MailerOptions>;
  /** Nest log levels of the API; default errors only. */
  apiLogger?: LogLevel[] | false;
  /** The service's JSON logger (all of it: API, projector unless silenced, mailer); overrides apiLogger. */
  log?: ServiceLogger;
}

export interface TestApp {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** fetch helpers bound to baseUrl. */
  http: ApiClient;
  eventStore: EventStore;
  readStore: ReadStore;
  config: ServiceConfig;
  /** The Postgres schema of both stores (store: 'postgres'), for a second instance on the same data. */
  schema: string | undefined;
  projector: Projector;
  mailer: Mailer | undefined;
  /** The projector role's blob sweeper (its timer is an hour by default: tests call sweep()). */
  blobSweeper?: RunningBlobSweeper;
  /** The bootstrap admin's credentials. */
  admin: { email: string; password: string };
  /** Logs the bootstrap admin in through POST /v1/auth/staff/login (once; the token is reused). */
  adminToken(): Promise<string>;
  /** Stops everything and deletes the temp DATA_DIR (and the Postgres schema). */
  close(): Promise<void>;
}

export const TEST_ADMIN = { email: 'admin@example.com', password: 'Admin-password-1!' };

/**
 * Starts the whole service for an e2e test: stores (embedded in a fresh temp DATA_DIR, or a random
 * Postgres schema), the projector (caught up before the API listens), optionally the mailer, and
 * the API on 127.0.0.1 and a free port, with a bootstrap admin.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portal-test-'));
  const port = await freePort();
  const pgUrl = process.env.PG_URL;
  if (options.store === 'postgres' && !pgUrl)
    throw new Error('startTestApp({ store: "postgres" }) needs PG_URL');
  const schema = options.store === 'postgres' ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const storeTarget = options.store === 'postgres' ? pgUrl! : 'embedded';
  const config: ServiceConfig = {
    port,
    dataDir,
    eventStore: storeTarget,
    readStore: storeTarget,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    smtpUrl: undefined,
    jwtSecret: randomBytes(32).toString('base64url'),
    dataKey: randomBytes(32).toString('base64url'),
    retentionDays: 180,
    bootstrapAdmin: { ...TEST_ADMIN },
    publicUrl: `http://127.0.0.1:${port}`,
    ...options.config,
  };
  const cleanUp = async (): Promise<void> => {
    await rm(dataDir, { recursive: true, force: true });
    if (schema && pgUrl) await dropSchema(pgUrl, schema);
  };
  let service;
  try {
    service = await startService(config, {
      parts: { api: createApiApp, projector: true, mailer: options.mailer === true },
      schema,
      // Jest cannot load PGlite's file system module: the embedded database lives in memory.
      inMemory: true,
      host: '127.0.0.1',
      apiLogger: options.log ? undefined : (options.apiLogger ?? ['error']),
      log: options.log,
      projector: { logger: silentProjectorLogger, ...options.projector },
      mailer: { queuePrefix: `test-${randomBytes(6).toString('hex')}`, ...options.mailerOptions },
      waitForProjector: true,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const running = service;
  const baseUrl = running.url!;
  const http = api(baseUrl);
  const admin = config.bootstrapAdmin ?? TEST_ADMIN;
  let token: Promise<string> | undefined;
  return {
    baseUrl,
    http,
    eventStore: running.stores.eventStore,
    readStore: running.stores.readStore,
    config,
    schema,
    projector: running.projector!,
    mailer: running.mailer,
    blobSweeper: running.blobSweeper,
    admin,
    adminToken: () =>
      (token ??= http.post('/v1/auth/staff/login', admin).then((res) => {
        if (res.status !== 200 || typeof res.json?.accessToken !== 'string') {
          token = undefined;
          throw new Error(`admin login failed: ${res.status} ${res.text}`);
        }
        return res.json.accessToken as string;
      })),
    close: async () => {
      await running.close();
      await cleanUp();
    },
  };
}
