/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEml } from '../libs/mailer/src/testing/parse-eml';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { E2E_STORES, startTestApp, type TestApp } from './support';
import { PortalWorld } from './portal-world';

const QUIET_MAILER = {
  log: () => undefined,
  warn: (message: string) => console.warn(`[mailer] ${message}`),
  error: (message: string) => console.error(`[mailer] ${message}`),
};
/** Short, so the test waits seconds, not the default five minutes. */
const WINDOW_MS = 1_500;

// EspoCRM's portals: people follow records. Case emails go to the case's followers who may read it,
// as their preference asks, once per window.
describe.each(E2E_STORES)('followers and the case emails they get (%s store)', (store) => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  const accounts: Record<string, string> = {};
  const people: Record<string, { id: string; token: string; contactId: string }> = {};
  const base = () => `/v1/portals/${portal.slug}`;
  const as = (
    who: string,
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: unknown,
  ) => world.call(method, `${base()}${path}`, people[who]!.token, body);

  async function person(name: string, account: string) {
    const contactId = await world.createRecord('Contact', {
      firstName: name,
      lastName: 'Customer',
      email: `${name.toLowerCase()}-${world.unique()}@customer.test`,
      accountId: accounts[account],
    });
    people[name] = { ...(await world.createPortalUser(contactId, portal)), contactId };
  }

  /** Case emails in the outbox for one portal user (the file name ends with the job id, which names them). */
  async function caseEmailsTo(who: string): Promise<{ subject: string }[]> {
    const outbox = join(app.config.dataDir, 'outbox');
    if (!existsSync(outbox)) return [];
    const names = (await readdir(outbox)).filter(
      (n) => n.startsWith('20') && n.includes('-case-') && n.endsWith(`-${people[who]!.id}.eml`),
    );
    return Promise.all(
      names.map(async (n) => ({
        subject: parseEml(await readFile(join(outbox, n), 'utf8')).headers.get('subject') ?? '',
      })),
    );
  }
  const about = async (who: string, caseName: string) =>
    (await caseEmailsTo(who)).filter((m) => m.subject.includes(`"${caseName}"`));

  async function mailerIdle(): Promise<void> {
    await waitUntil('the mailer owes nothing', async () => {
      const health = await app.mailer!.health();
      return health.pendingEmails === 0 && health.scheduledEmails === 0;
    });
  }

  async function setStatus(caseId: string, status: string): Promise<void> {
    const res = await world.staff('patch', `/v1/records/Case/${caseId}`, { status });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    app = await startTestApp({
      store,
      mailer: true,
      mailerOptions: { logger: QUIET_MAILER, coalesceWindowMs: WINDOW_MS },
    });
    world = await PortalWorld.start(app);
    accounts.A = await world.createRecord('Account', { name: 'Acme' });
    accounts.B = await world.createRecord('Account', { name: 'Globex' });
    const roleId = await world.createRole({
      name: 'Customers',
      scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
    });
    portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'], quickCreateList: ['Case'] });
    for (const name of ['Alice', 'Bob', 'Carol', 'Dave', 'Eve', 'Grace']) await person(name, 'A');
    await person('Frank', 'B');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('mails the followers of a case who may read it, and nobody else; unfollowing stops it', async () => {
    const created = await as('Alice', 'post', '/records/Case', { name: 'Printer on fire' });
    expect(created.status).toBe(201);
    const caseId = created.json.id as string;
    // The creator follows by default; Carol and Dave choose to; Dave wants no case emails at all.
    expect((await as('Alice', 'get', `/records/Case/${caseId}/follow`)).json).toEqual({ following: true });
    expect((await as('Bob', 'get', `/records/Case/${caseId}/follow`)).json).toEqual({ following: false });
    expect((await as('Carol', 'put', `/records/Case/${caseId}/follow`)).json).toEqual({ following: true });
    expect((await as('Carol', 'put', `/records/Case/${caseId}/follow`)).status).toBe(200);
    expect((await as('Dave', 'put', `/records/Case/${caseId}/follow`)).status).toBe(200);
    const none = await as('Dave', 'patch', '/me', { caseNotifications: 'none' });
    expect([none.status, none.json.caseNotifications, none.json.notifyOnCaseUpdates]).toEqual([
      200,
      'none',
      false,
    ]);
    expect((await as('Dave', 'get', '/me')).json.caseNotifications).toBe('none');
    expect((await as('Alice', 'get', '/me')).json.caseNotifications).toBe('all');
    expect((await as('Dave', 'patch', '/me', { caseNotifications: 'sometimes' })).status).toBe(422);

    const followers = await world.staff('get', `/v1/records/Case/${caseId}/followers`);
    expect(followers.status).toBe(200);
    expect((followers.json.items as any[]).map((f) => [f.portalUserId, f.chosen]).sort()).toEqual(
      [
        [people.Alice!.id, false],
        [people.Carol!.id, true],
        [people.Dave!.id, true],
      ].sort(),
    );

    await setStatus(caseId, 'Assigned');
    await waitUntil(
      'Alice and Carol get the status email',
      async () =>
        (await about('Alice', 'Printer on fire')).length === 1 &&
        (await about('Carol', 'Printer on fire')).length === 1,
    );
    await mailerIdle();
    expect(await about('Bob', 'Printer on fire')).toEqual([]);
    expect(await about('Dave', 'Printer on fire')).toEqual([]);
    expect((await about('Alice', 'Printer on fire'))[0]!.subject).toContain('is now Assigned');

    expect((await as('Carol', 'delete', `/records/Case/${caseId}/follow`)).json).toEqual({
      following: false,
    });
    await setStatus(caseId, 'Pending');
    await waitUntil(
      'Alice gets the second email',
      async () => (await about('Alice', 'Printer on fire')).length === 2,
    );
    await mailerIdle();
    expect(await about('Carol', 'Printer on fire')).toHaveLength(1);
  });

  it('sends nothing to a follower who lost read access', async () => {
    const caseId = await world.createRecord('Case', { name: 'Moved case', accountId: accounts.A });
    expect((await as('Eve', 'put', `/records/Case/${caseId}/follow`)).status).toBe(200);
    // The case moves to another account: Eve cannot read it any more; Frank of that account can, and follows.
    const moved = await world.staff('patch', `/v1/records/Case/${caseId}`, { accountId: accounts.B });
    expect(moved.status).toBe(200);
    expect((await as('Eve', 'get', `/records/Case/${caseId}/follow`)).status).toBe(404);
    expect((await as('Eve', 'put', `/records/Case/${caseId}/follow`)).status).toBe(404);
    expect((await as('Frank', 'put', `/records/Case/${caseId}/follow`)).status).toBe(200);
    await setStatus(caseId, 'Closed');
    await waitUntil(
      'Frank gets the status email',
      async () => (await about('Frank', 'Moved case')).length === 1,
    );
    await mailerIdle();
    expect(await about('Eve', 'Moved case')).toEqual([]);
  });

  it('coalesces three quick updates into one email', async () => {
    const caseId = await world.createRecord('Case', {
      name: 'Quick changes',
      accountId: accounts.A,
      contactId: people.Grace!.contactId,
    });
    // Grace is the case's contact: she follows it without asking.
    expect((await as('Grace', 'get', `/records/Case/${caseId}/follow`)).json).toEqual({ following: true });
    await setStatus(caseId, 'Assigned');
    await setStatus(caseId, 'Pending');
    await setStatus(caseId, 'Closed');
    await waitUntil('Grace gets an email', async () => (await about('Grace', 'Quick changes')).length > 0);
    await mailerIdle();
    const received = await about('Grace', 'Quick changes');
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toContain('is now Closed');
  });

  it('refuses to follow outside the read scope (404, never 403), appending nothing', async () => {
    const hidden = await world.createRecord('Case', { name: 'Globex only', accountId: accounts.B });
    const head = await app.eventStore.headPosition();
    expect((await as('Alice', 'put', `/records/Case/${hidden}/follow`)).status).toBe(404);
    expect((await as('Alice', 'delete', `/records/Case/${hidden}/follow`)).status).toBe(404);
    expect((await as('Alice', 'put', `/records/Widget/${hidden}/follow`)).status).toBe(404);
    expect((await as('Alice', 'put', `/records/Case/not-a-uuid/follow`)).status).toBe(400);
    expect(await app.eventStore.headPosition()).toBe(head);
    expect((await world.staff('get', `/v1/records/Case/${hidden}/followers`)).json).toEqual({
      items: [],
      total: 0,
    });
  });
});
