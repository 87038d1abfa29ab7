import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { dropSchema, type ServiceConfig } from '@portal/platform';
import { silentProjectorLogger } from '@portal/projector';
import { startService, type RunningService } from '@portal/runtime';
import { createApiApp } from '../apps/api/src/create-api-app';
import { freePort } from './support';

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN = { email: 'first-admin@example.com', password: 'First-admin-password-1' };

/**
 * BOOTSTRAP_ADMIN_* against one shared Postgres: two processes starting at once create one admin,
 * and a restart creates none.
 */
describe('bootstrap admin', () => {
  const schema = `test_boot_${randomBytes(6).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('base64url');
  const dataKey = randomBytes(32).toString('base64url');
  const services: RunningService[] = [];
  const dirs: string[] = [];

  async function start(options: { projector: boolean }): Promise<RunningService> {
    const dataDir = await mkdtemp(join(tmpdir(), 'portal-boot-'));
    dirs.push(dataDir);
    const port = await freePort();
    const config: ServiceConfig = {
      port,
      dataDir,
      eventStore: PG_URL,
      readStore: PG_URL,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
      jwtSecret,
      dataKey,
      retentionDays: 180,
      bootstrapAdmin: ADMIN,
      publicUrl: `http://127.0.0.1:${port}`,
    };
    const service = await startService(config, {
      parts: { api: createApiApp, projector: options.projector },
      schema,
      host: '127.0.0.1',
      apiLogger: ['error'],
      projector: { logger: silentProjectorLogger },
    });
    services.push(service);
    return service;
  }

  async function staffUsersCreated(service: RunningService) {
    return service.stores.eventStore.readAll({ filter: { eventTypes: ['StaffUserCreated'] } });
  }

  async function login(service: RunningService): Promise<number> {
    const res = await fetch(`${service.url}/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    return res.status;
  }

  afterAll(async () => {
    for (const service of services) await service.close().catch(() => undefined);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    await dropSchema(PG_URL, schema);
  });

  it('creates exactly one admin when two processes start at once, and none on restart', async () => {
    // The schema exists before the race, as it would in a deployment.
    const first = await start({ projector: true });
    await first.close();
    const pool = new Pool({ connectionString: PG_URL, max: 1 });
    await pool.query(`SET search_path TO "${schema}"`);
    // Start over from an empty store (the first start created the admin): only the race is under test.
    await pool.query(
      `DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '${schema}' LOOP EXECUTE format('TRUNCATE %I.%I CASCADE', '${schema}', t); END LOOP; END $$;`,
    );
    await pool.end();

    const [a, b] = await Promise.all([start({ projector: true }), start({ projector: false })]);
    const created = await staffUsersCreated(a);
    expect(created).toHaveLength(1);
    expect(created[0].data).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const reservations = await a.stores.eventStore.readStream(`unique-staffUserEmail-${ADMIN.email}`);
    expect(reservations.map((e) => e.type)).toEqual(['UniqueValueReserved']);
    expect(await login(a)).toBe(200);
    expect(await login(b)).toBe(200);
    await Promise.all([a.close(), b.close()]);

    const restarted = await start({ projector: true });
    expect(await staffUsersCreated(restarted)).toHaveLength(1);
    expect(await login(restarted)).toBe(200);
  });
});
