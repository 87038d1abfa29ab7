import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openServiceStores, type ServiceStores } from '@portal/runtime';
import { createApiApp } from '../apps/api/src/create-api-app';
import { PortalWorld } from './portal-world';
import { api, startTestApp, type ApiClient, type TestApp } from './support';

/**
 * Every lockout cause takes effect on the very next request after the command's 2xx in EVERY API
 * instance, not only in the one that ran the command. Instance A runs the service (API, projector);
 * instance B is a second API on the same PostgreSQL schema with its own connections and its own
 * in-memory caches (the access context cached per read-model checkpoint, the folded user
 * states), warmed by a request before each command. The command goes to A; the next request goes to B.
 */
// Skipped without PG_URL: two instances share one store only on a PostgreSQL server.
const describeOnPostgres = process.env.PG_URL ? describe : describe.skip;

describeOnPostgres('lockouts reach a second API instance with the very next request (PostgreSQL)', () => {
  jest.setTimeout(180_000);
  let app: TestApp;
  let world: PortalWorld;
  let stores: ServiceStores;
  let second: NestFastifyApplication;
  let b: ApiClient;
  let portal: { id: string; slug: string };
  let roleId: string;
  let accountId: string;
  const role = {
    scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
    fields: {},
  };

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres' });
    world = await PortalWorld.start(app);
    const config = { ...app.config, port: 0, bootstrapAdmin: undefined };
    stores = await openServiceStores(config, { schema: app.schema });
    second = await createApiApp(
      { config, eventStore: stores.eventStore, readStore: stores.readStore, healthChecks: [] },
      { logger: ['error'] },
    );
    await second.listen(0, '127.0.0.1');
    const address = second.getHttpServer().address();
    b = api(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);

    accountId = await world.createRecord('Account', {
      name: `Two instances ${randomBytes(3).toString('hex')}`,
    });
    roleId = await world.createRole({ name: `Lockout customers ${world.unique()}`, ...role });
    portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'], quickCreateList: ['Case'] });
    await world.createRecord('Case', { name: 'Printer jam', accountId });
    await world.sync();
  });

  afterAll(async () => {
    await second?.close();
    await stores?.close();
    await app?.close();
  });

  /** A fresh customer of the account, logged in through A, whose token B has just served (warm caches). */
  async function customer(): Promise<{ id: string; token: string; list: () => Promise<number> }> {
    const contactId = await world.createRecord('Contact', {
      firstName: 'Ada',
      lastName: world.unique(),
      email: `ada-${world.unique()}@client.example.org`,
      accountId,
    });
    const user = await world.createPortalUser(contactId, portal);
    const list = async (): Promise<number> =>
      (await b.get(`/v1/portals/${portal.slug}/records/Case`, { token: user.token })).status;
    // Twice: the second answer comes from whatever the first one cached.
    expect(await list()).toBe(200);
    expect(await list()).toBe(200);
    return { ...user, list };
  }

  it('logout', async () => {
    const user = await customer();
    const res = await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, {
      token: user.token,
    });
    expect(res.status).toBe(204);
    expect(await user.list()).toBe(401);
  });

  it('deactivation', async () => {
    const user = await customer();
    expect((await world.staff('post', `/v1/portal-users/${user.id}/deactivate`)).status).toBe(204);
    expect(await user.list()).toBe(401);
  });

  it('removal from the portal', async () => {
    const user = await customer();
    expect((await world.staff('delete', `/v1/portals/${portal.id}/users/${user.id}`)).status).toBe(204);
    expect(await user.list()).toBe(401);
  });

  it('email change', async () => {
    const user = await customer();
    const res = await world.staff('post', `/v1/portal-users/${user.id}/email-change`, {
      newEmail: `new-${world.unique()}@client.example.org`,
    });
    expect(res.status).toBeLessThan(300);
    expect(await user.list()).toBe(401);
  });

  it('support-period end', async () => {
    const user = await customer();
    const res = await world.staff('put', `/v1/portal-users/${user.id}/support-period`, {
      start: '2020-01-01',
      end: '2020-12-31',
    });
    expect(res.status).toBe(204);
    expect(await user.list()).toBe(401);
  });

  it('role change', async () => {
    const user = await customer();
    let position = -1;
    // B with the command's consistency token, as the client that made the change would carry it.
    const listed = async (): Promise<number> => {
      const onB = await b.get(`/v1/portals/${portal.slug}/records/Case`, {
        token: user.token,
        headers: { 'x-consistency-token': String(position) },
      });
      expect(onB.status).toBe(200);
      return (onB.json.items as unknown[]).length;
    };
    expect(await listed()).toBe(1);
    const narrowed = await world.staff('patch', `/v1/portal-roles/${roleId}`, {
      scopes: { Case: { ...role.scopes.Case, read: 'no' } },
      fields: {},
    });
    expect(narrowed.status).toBe(200);
    position = Number(narrowed.headers.get('x-consistency-token'));
    expect(await listed()).toBe(0);
    const restored = await world.staff('patch', `/v1/portal-roles/${roleId}`, role);
    expect(restored.status).toBe(200);
    position = Number(restored.headers.get('x-consistency-token'));
    expect(await listed()).toBe(1);
  });
});
