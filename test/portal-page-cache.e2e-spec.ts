import type { Projector } from '@portal/projector';
import { PortalWorld, type CaseCustomer } from './portal-world';
import { E2E_STORES, projectorStartedLater, startTestApp, type TestApp } from './support';

/**
 * A portal user's record pages and records are kept in the process while the records read model
 * has not moved (PortalRecordReads). Whatever takes a case out of the user's scope (moved to
 * another account, deleted, the role narrowed) shows on the very next list and read once the
 * projector moved, and a read carrying the consistency token of that change never answers the
 * page from before, even when it passed the guard before the read models moved. Each list is
 * asked twice before the change, so the second answer, and the ones after, come from the cache.
 */
describe.each(E2E_STORES)('cached record pages of a portal user (%s store)', (store) => {
  jest.setTimeout(60_000);
  let app: TestApp;
  let world: PortalWorld;
  let the: CaseCustomer;
  let ours: string;
  let theirs: string;
  let later: Projector | undefined;
  const caseRole = { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'no' };

  const asCustomer = (path: string, token?: string) =>
    app.http.get(`/v1/portals/${the.portal.slug}/records/Case${path}`, {
      token: the.customer.token,
      headers: token === undefined ? {} : { 'x-consistency-token': token },
    });
  const listed = async (token?: string): Promise<string[]> => {
    const res = await asCustomer('?perPage=100', token);
    expect(res.status).toBe(200);
    const items = res.json.items as { id: string }[];
    expect(res.json.total).toBe(items.length);
    return items.map((item) => item.id);
  };
  /** A case of the customer's account, seen in two lists and read twice (the cache then holds them). */
  const seenCase = async (name: string): Promise<string> => {
    const id = await world.createRecord('Case', { name, accountId: ours });
    await world.sync();
    for (let i = 0; i < 2; i += 1) {
      expect(await listed()).toContain(id);
      expect((await asCustomer(`/${id}`)).status).toBe(200);
    }
    return id;
  };

  beforeAll(async () => {
    app = await startTestApp({ store });
    world = await PortalWorld.start(app);
    ours = await world.createRecord('Account', { name: 'Ours' });
    theirs = await world.createRecord('Account', { name: 'Theirs' });
    the = await world.caseCustomer(ours, caseRole);
  }, 60_000);

  afterAll(async () => {
    await later?.stop();
    await app?.close();
  });

  it('a case moved to another account leaves the next list and read once the projector moved', async () => {
    const moved = await seenCase('Moved away');
    const kept = await seenCase('Kept');
    expect((await world.staff('patch', `/v1/records/Case/${moved}`, { accountId: theirs })).status).toBe(200);
    await world.sync();
    const ids = await listed();
    expect(ids).not.toContain(moved);
    expect(ids).toContain(kept);
    expect((await asCustomer(`/${moved}`)).status).toBe(404);
  });

  it('a deleted case leaves the next list and read', async () => {
    const deleted = await seenCase('Deleted');
    expect((await world.staff('delete', `/v1/records/Case/${deleted}`)).status).toBe(204);
    await world.sync();
    expect(await listed()).not.toContain(deleted);
    expect((await asCustomer(`/${deleted}`)).status).toBe(404);
  });

  it('a role narrowed to own cases leaves the account cases out of the next list and read', async () => {
    const accountCase = await seenCase('Of the account');
    const narrowed = await world.staff('patch', `/v1/portal-roles/${the.roleId}`, {
      scopes: { Case: { ...caseRole, read: 'own' } },
      fields: {},
    });
    expect(narrowed.status).toBe(200);
    await world.sync();
    expect(await listed()).toEqual([]);
    expect((await asCustomer(`/${accountCase}`)).status).toBe(404);
    const restored = await world.staff('patch', `/v1/portal-roles/${the.roleId}`, {
      scopes: { Case: caseRole },
      fields: {},
    });
    expect(restored.status).toBe(200);
    await world.sync();
    expect(await listed()).toContain(accountCase);
  });

  // Last: the app's own projector stays stopped, so this test decides when the read models move.
  it('a read with the token of the move, let through before the projector moved, waits and answers without the case', async () => {
    const moved = await seenCase('Moved while reading');
    await app.projector.stop();
    const patched = await world.staff('patch', `/v1/records/Case/${moved}`, { accountId: theirs });
    expect(patched.status).toBe(200);
    const token = patched.headers.get('x-consistency-token')!;
    // Both pass the guard with the read models (and the cache's version) from before the move.
    const listing = listed(token);
    const reading = asCustomer(`/${moved}`, token);
    later = await projectorStartedLater(app);
    expect(await listing).not.toContain(moved);
    expect((await reading).status).toBe(404);
  });
});
