import type { Projector } from '@portal/projector';
import { PortalWorld } from './portal-world';
import { E2E_STORES, projectorStartedLater, startTestApp, type TestApp } from './support';

/**
 * A portal user's read carrying a consistency token sees the write it names, whether the read
 * models held it when the guard read the session (no wait) or only later (a wait, after which the
 * access context is taken where the read models stand then, not where the guard found them).
 * The app's own projector is stopped, so the tests decide when the read models move.
 */
describe.each(E2E_STORES)('read-your-writes of a portal user (%s store)', (store) => {
  jest.setTimeout(60_000);
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let roleId: string;
  let customer: { id: string; token: string };
  let later: Projector | undefined;
  let projectedCase: string;
  const role = {
    scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
    fields: {},
  };
  const asCustomer = (path: string, token: string | undefined) =>
    app.http.get(`/v1/portals/${portal.slug}${path}`, {
      token: customer.token,
      headers: token === undefined ? {} : { 'x-consistency-token': token },
    });
  const createCase = async (name: string) => {
    const created = await app.http.post(
      `/v1/portals/${portal.slug}/records/Case`,
      { name },
      { token: customer.token },
    );
    expect(created.status).toBe(201);
    return { id: created.json.id as string, token: created.headers.get('x-consistency-token')! };
  };

  beforeAll(async () => {
    app = await startTestApp({ store });
    world = await PortalWorld.start(app);
    const accountId = await world.createRecord('Account', { name: 'Acme' });
    ({ roleId, portal, customer } = await world.caseCustomer(accountId, role.scopes.Case));
  }, 60_000);

  afterAll(async () => {
    await later?.stop();
    await app?.close();
  });

  it('reads its own new case back with the token while the read models hold it', async () => {
    const { id, token } = await createCase('Caught up');
    const read = await asCustomer(`/records/Case/${id}`, token);
    expect(read.status).toBe(200);
    expect(read.json.name).toBe('Caught up');
    projectedCase = id;
  });

  // From here on the read models move only when a test starts a projector.
  it('answers 503, never a read without the write, while the read models stay behind the token', async () => {
    await app.projector.stop();
    const { id, token } = await createCase('Not projected');
    const read = await asCustomer(`/records/Case/${id}`, token);
    expect(read.status).toBe(503);
    expect(read.json.type).toMatch(/read_model_behind$/);
  });

  it('after a wait, takes the access context where the read models stand then (a role narrowed meanwhile)', async () => {
    // The customer's case is served (and their access context cached) at the current read models.
    expect((await asCustomer(`/records/Case/${projectedCase}`, undefined)).status).toBe(200);
    const narrowed = await world.staff('patch', `/v1/portal-roles/${roleId}`, {
      scopes: { Case: { ...role.scopes.Case, read: 'no' } },
      fields: {},
    });
    expect(narrowed.status).toBe(200);
    const token = narrowed.headers.get('x-consistency-token')!;
    // The read passes the guard with the read models behind the narrowing, then waits for them.
    const reading = asCustomer(`/records/Case/${projectedCase}`, token);
    later = await projectorStartedLater(app);
    const read = await reading;
    expect(read.status).not.toBe(200);
    expect([403, 404]).toContain(read.status);
  });
});
