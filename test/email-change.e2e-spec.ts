import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveKey, hashToken, oneTimeToken } from '@portal/platform';
import {
  EMAIL_SOURCE_EVENT_TYPES,
  emailDeliveryStream,
  emailJobId,
  emailRequestFor,
} from '../libs/mailer/src/email-request';
import { parseEml, textPart } from '../libs/mailer/src/testing/parse-eml';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { E2E_STORES, startTestApp, type ApiResponse, type TestApp } from './support';

const STAFF_DOMAIN = 'staff-company.test';
/** The mailer's routine lines would drown the test output; its warnings and errors still show. */
const QUIET_MAILER = {
  log: () => undefined,
  warn: (message: string) => console.warn(`[mailer] ${message}`),
  error: (message: string) => console.error(`[mailer] ${message}`),
};

interface Customer {
  id: string;
  email: string;
  token: string;
}

/**
 * Changing a portal user's login email, by an admin (POST /v1/portal-users/{id}/email-change) and
 * by the user (POST /v1/portals/{slug}/me/email-change), through the whole service: API, projector
 * and mailer, whose outbox holds the confirmation link that confirm-email then takes.
 */
describe.each(E2E_STORES)('email change (%s store)', (store) => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let otherPortal: { id: string; slug: string };
  let accountId: string;
  const savedStaffDomains = process.env.STAFF_EMAIL_DOMAINS;

  const address = (prefix: string) => `${prefix}-${world.unique()}@customer.test`;
  const adminChange = (id: string, body: unknown, headers?: Record<string, string>) =>
    world.staff('post', `/v1/portal-users/${id}/email-change`, body, headers);
  const ownChange = (user: Customer, body: unknown, slug = portal.slug) =>
    world.call('post', `/v1/portals/${slug}/me/email-change`, user.token, body);
  const login = (email: string, password = CUSTOMER_PASSWORD, slug = portal.slug) =>
    app.http.post(`/v1/portals/${slug}/auth/login`, { email, password });
  const me = (user: Customer) => app.http.get(`/v1/portals/${portal.slug}/me`, { token: user.token });
  const confirm = (token: string, slug = portal.slug) =>
    app.http.post(`/v1/portals/${slug}/auth/confirm-email`, { token });
  const eventsOf = (id: string) => app.eventStore.readStream(`portalUser-${id}`);

  async function activeUser(): Promise<Customer> {
    const email = address('ada');
    const contactId = await world.createRecord('Contact', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email,
      accountId,
    });
    const { id, token } = await world.createPortalUser(contactId, portal);
    return { id, email, token };
  }

  /** Waits until the mailer has recorded the outcome of every email asked for so far (it appends those). */
  async function mailerIdle(): Promise<void> {
    await waitUntil('the mailer has settled every email', async () => {
      const sources = await app.eventStore.readAll({ filter: { eventTypes: EMAIL_SOURCE_EVENT_TYPES } });
      for (const event of sources) {
        const request = emailRequestFor(event);
        if (
          request &&
          (await app.eventStore.readStream(emailDeliveryStream(emailJobId(request)))).length === 0
        )
          return false;
      }
      return true;
    });
  }

  /** Runs the request and checks that the event store's head did not move (the mailer settled first). */
  async function appendsNothing(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
    await mailerIdle();
    const before = await app.eventStore.headPosition();
    const res = await request();
    expect(await app.eventStore.headPosition()).toBe(before);
    return res;
  }

  function expectProblem(res: ApiResponse, status: number, code: string): void {
    expect({ status: res.status, type: res.json?.type }).toEqual({
      status,
      type: `urn:portal:problem:${code}`,
    });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  }

  /** The token the mailer derives for an email-change link: from the EmailChangeRequested event's own id. */
  function derivedToken(eventId: string): string {
    return oneTimeToken(deriveKey(app.config.jwtSecret, 'one-time-tokens'), 'email-change', eventId);
  }

  /** The link of the email sent to `to` (the mailer's outbox), as `{ slug, token }`. */
  async function emailedLink(to: string): Promise<{ slug: string; token: string; text: string }> {
    const outbox = join(app.config.dataDir, 'outbox');
    let found: { slug: string; token: string; text: string } | undefined;
    await waitUntil(`an email to ${to} with a confirm-email link`, async () => {
      const names = existsSync(outbox) ? (await readdir(outbox)).filter((n) => n.endsWith('.eml')) : [];
      for (const name of names) {
        const eml = parseEml(await readFile(join(outbox, name), 'utf8'));
        if (!eml.headers.get('to')?.includes(to)) continue;
        const text = textPart(eml);
        const link = /https?:\/\/\S+\/portal\/([\w-]+)\/confirm-email\?token=([\w.~%-]+)/.exec(text);
        if (link) found = { slug: link[1], token: decodeURIComponent(link[2]), text };
      }
      return found !== undefined;
    });
    return found!;
  }

  /** The user's last EmailChangeRequested, checked to carry no secret and to name its token by its own id. */
  async function requestedEvent(id: string) {
    const requested = (await eventsOf(id)).filter((e) => e.type === 'EmailChangeRequested').pop();
    if (!requested) throw new Error('no EmailChangeRequested');
    expect(Object.keys(requested.data).sort()).toEqual(['expiresAt', 'newEmail', 'tokenHash']);
    // The id predicted before the append is the id the event was stored under.
    expect(requested.data.tokenHash).toBe(hashToken(derivedToken(requested.id)));
    return requested;
  }

  beforeAll(async () => {
    process.env.STAFF_EMAIL_DOMAINS = STAFF_DOMAIN;
    app = await startTestApp({ store, mailer: true, mailerOptions: { logger: QUIET_MAILER } });
    world = await PortalWorld.start(app);
    accountId = await world.createRecord('Account', { name: 'Analytical Engines' });
    const roleId = await world.createRole({
      name: 'Customers',
      scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
    });
    portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    otherPortal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (savedStaffDomains === undefined) delete process.env.STAFF_EMAIL_DOMAINS;
    else process.env.STAFF_EMAIL_DOMAINS = savedStaffDomains;
  });

  it('admin: 202, login suspended, the new address gets a link that confirms; then only the new email logs in', async () => {
    const user = await activeUser();
    const newEmail = address('ada.new');
    const res = await adminChange(user.id, { newEmail: `  ${newEmail.toUpperCase()} ` });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ status: 'confirmation_sent', newEmail, expiresAt: expect.any(String) });
    expect(Date.parse(res.json.expiresAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);

    const requested = await requestedEvent(user.id);
    expect(requested.data).toMatchObject({ newEmail, expiresAt: res.json.expiresAt });
    expect(requested.metadata.actor).toMatchObject({ type: 'staff' });
    // Suspended until confirmed: the session ended, and neither address logs in.
    expect((await me(user)).status).toBe(401);
    expectProblem(await login(user.email), 401, 'invalid_credentials');
    expectProblem(await login(newEmail), 401, 'invalid_credentials');
    expect((await world.staff('get', `/v1/portal-users/${user.id}`)).json).toMatchObject({
      email: user.email,
      status: 'suspended',
    });

    // The email goes to the new address; its link leads to the user's (first) portal.
    const link = await emailedLink(newEmail);
    expect(link.slug).toBe(portal.slug);
    expect(link.token).toBe(derivedToken(requested.id));
    expect(link.text).toContain(newEmail);

    const confirmed = await confirm(link.token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toEqual({ email: newEmail });
    expect((await login(newEmail)).status).toBe(200);
    expectProblem(await login(user.email), 401, 'invalid_credentials');
    expectProblem(await confirm(link.token), 422, 'email_change_invalid');
  });

  it('self-service: with the right password 202, the session ends, and the link leads to that portal', async () => {
    const user = await activeUser();
    const newEmail = address('self');
    const res = await ownChange(user, { newEmail, password: CUSTOMER_PASSWORD });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ status: 'confirmation_sent', newEmail, expiresAt: expect.any(String) });
    expect((await me(user)).status).toBe(401);
    expectProblem(await login(user.email), 401, 'invalid_credentials');
    expectProblem(await login(newEmail), 401, 'invalid_credentials');

    const requested = await requestedEvent(user.id);
    expect(requested.metadata.actor).toEqual(
      expect.objectContaining({ type: 'portalUser', id: user.id, portalId: portal.id }),
    );
    const link = await emailedLink(newEmail);
    expect(link).toMatchObject({ slug: portal.slug, token: derivedToken(requested.id) });
    expect((await confirm(link.token)).json).toEqual({ email: newEmail });
    expect((await login(newEmail)).status).toBe(200);
    expectProblem(await login(user.email), 401, 'invalid_credentials');
  });

  it('self-service: a wrong password is 403 password_incorrect and appends nothing', async () => {
    const user = await activeUser();
    const wrong = await appendsNothing(() =>
      ownChange(user, { newEmail: address('nope'), password: 'Not-the-password-1!' }),
    );
    expectProblem(wrong, 403, 'password_incorrect');
    expect(wrong.text).not.toContain('Not-the-password-1!');
    // Nothing changed: the session lives on and the old address still logs in.
    expect((await me(user)).status).toBe(200);
    expect((await login(user.email)).status).toBe(200);
  });

  it('self-service: wrong passwords count against the login limit of the email (429, even for the right one)', async () => {
    const user = await activeUser();
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i += 1) {
      statuses.push(
        (await ownChange(user, { newEmail: address('guess'), password: `Guess-${i}-password!` })).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403));
    expect(statuses).toContain(429);
    const right = await appendsNothing(() =>
      ownChange(user, { newEmail: address('late'), password: CUSTOMER_PASSWORD }),
    );
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // One budget with the login: guessing here leaves no fresh guesses there.
    expect((await login(user.email)).status).toBe(429);
  });

  it('refuses an address another portal user holds: 409 email_taken, nothing appended', async () => {
    const [user, other] = [await activeUser(), await activeUser()];
    const byAdmin = await appendsNothing(() => adminChange(user.id, { newEmail: other.email.toUpperCase() }));
    expectProblem(byAdmin, 409, 'email_taken');
    const bySelf = await appendsNothing(() =>
      ownChange(user, { newEmail: other.email, password: CUSTOMER_PASSWORD }),
    );
    expectProblem(bySelf, 409, 'email_taken');
    expect((await me(user)).status).toBe(200);
  });

  it('refuses staff domains, invalid and unchanged addresses with 422, appending nothing', async () => {
    const user = await activeUser();
    const cases: [unknown, string][] = [
      [`jane@${STAFF_DOMAIN}`, 'staff_domain'],
      [`jane@eu.${STAFF_DOMAIN}`, 'staff_domain'],
      ['not an email', 'invalid_email'],
      ['jane@localhost', 'invalid_email'],
      [user.email.toUpperCase(), 'email_unchanged'],
    ];
    for (const [newEmail, code] of cases) {
      expectProblem(await appendsNothing(() => adminChange(user.id, { newEmail })), 422, code);
      expectProblem(
        await appendsNothing(() => ownChange(user, { newEmail, password: CUSTOMER_PASSWORD })),
        422,
        code,
      );
    }
    expect((await me(user)).status).toBe(200);
  });

  it('refuses malformed bodies with 400, unknown users with 404 and deactivated ones with 422', async () => {
    const user = await activeUser();
    for (const body of [{}, { newEmail: 5 }, { newEmail: 'a@b.test', extra: 1 }, { email: 'a@b.test' }]) {
      expect((await appendsNothing(() => adminChange(user.id, body))).status).toBe(400);
    }
    expect((await appendsNothing(() => ownChange(user, { newEmail: address('x') }))).status).toBe(400);
    expect((await appendsNothing(() => adminChange('not-a-uuid', { newEmail: address('x') }))).status).toBe(
      400,
    );
    expectProblem(
      await appendsNothing(() => adminChange(randomUUID(), { newEmail: address('ghost') })),
      404,
      'portal_user_not_found',
    );
    expect((await world.staff('post', `/v1/portal-users/${user.id}/deactivate`)).status).toBe(204);
    expectProblem(
      await appendsNothing(() => adminChange(user.id, { newEmail: address('gone') })),
      422,
      'user_deactivated',
    );
  });

  it('changes an invited user (no password yet) at once: 200, old address freed, old invitation dead', async () => {
    const oldEmail = address('invited');
    const created = await world.staff('post', '/v1/portal-users', {
      email: oldEmail,
      firstName: 'Ivy',
      lastName: 'Invited',
      portalIds: [portal.id],
      sendInvitation: true,
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const invitation = (await eventsOf(id)).find((e) => e.type === 'InvitationSent')!;
    const oldInvitationToken = oneTimeToken(
      deriveKey(app.config.jwtSecret, 'one-time-tokens'),
      'invitation',
      String(invitation.data.invitationId),
    );

    const newEmail = address('invited-new');
    const res = await adminChange(id, { newEmail });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'changed', email: newEmail });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'EmailChangeConfirmed', data: { newEmail } });
    expect((await world.staff('get', `/v1/portal-users/${id}`)).json).toMatchObject({
      email: newEmail,
      status: 'invited',
    });
    const accept = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
      token: oldInvitationToken,
      password: CUSTOMER_PASSWORD,
    });
    expectProblem(accept, 422, 'invitation_invalid');

    // The new address is this user's now; the old one is free for someone else.
    const takeNew = await world.staff('post', '/v1/portal-users', {
      email: newEmail,
      firstName: 'X',
      lastName: 'Y',
      portalIds: [portal.id],
    });
    expectProblem(takeNew, 409, 'email_taken');
    const takeOld = await world.staff('post', '/v1/portal-users', {
      email: oldEmail,
      firstName: 'Other',
      lastName: 'Person',
      portalIds: [portal.id],
    });
    expect(takeOld.status).toBe(201);
  });

  it('a new request supersedes a pending one: its link dies and its address is freed', async () => {
    const user = await activeUser();
    const first = address('first');
    const second = address('second');
    expect((await adminChange(user.id, { newEmail: first })).status).toBe(202);
    const firstToken = derivedToken((await requestedEvent(user.id)).id);
    expect((await adminChange(user.id, { newEmail: second })).status).toBe(202);
    const secondToken = derivedToken((await requestedEvent(user.id)).id);
    expect(secondToken).not.toBe(firstToken);

    expectProblem(await confirm(firstToken), 422, 'email_change_invalid');
    // The first address is free again: another user may move to it.
    const other = await activeUser();
    expect((await adminChange(other.id, { newEmail: first })).status).toBe(202);
    // The second, still pending, is held.
    expectProblem(await adminChange(other.id, { newEmail: second }), 409, 'email_taken');

    expect((await confirm(secondToken)).json).toEqual({ email: second });
    expect((await login(second)).status).toBe(200);
  });

  it('replays an idempotent request with its first answer, status included (202 and 200)', async () => {
    const active = await activeUser();
    const invited = await world.staff('post', '/v1/portal-users', {
      email: address('idem-invited'),
      firstName: 'Ivo',
      lastName: 'Idem',
      portalIds: [portal.id],
    });
    for (const [id, status] of [
      [active.id, 202],
      [invited.json.id as string, 200],
    ] as const) {
      const headers = { 'idempotency-key': `email-change-${randomUUID()}` };
      const body = { newEmail: address('idem') };
      const first = await adminChange(id, body, headers);
      expect(first.status).toBe(status);
      const again = await appendsNothing(() => adminChange(id, body, headers));
      expect({ status: again.status, replayed: again.headers.get('idempotent-replayed') }).toEqual({
        status,
        replayed: 'true',
      });
      expect(again.json).toEqual(first.json);
    }
  });

  it('documents both endpoints in OpenAPI, with their bodies, answers and the session ending', async () => {
    const openapi = (await app.http.get('/docs/openapi.json')).json;
    const admin = openapi.paths['/v1/portal-users/{id}/email-change'].post;
    const own = openapi.paths['/v1/portals/{slug}/me/email-change'].post;
    expect(admin.requestBody.content['application/json'].schema).toMatchObject({
      required: ['newEmail'],
      additionalProperties: false,
    });
    expect(own.requestBody.content['application/json'].schema).toMatchObject({
      required: ['newEmail', 'password'],
      additionalProperties: false,
    });
    expect(Object.keys(admin.responses).sort()).toEqual([
      '200',
      '202',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '414',
      '415',
      '422',
    ]);
    expect(Object.keys(own.responses).sort()).toEqual([
      '202',
      '400',
      '401',
      '403',
      '409',
      '413',
      '414',
      '415',
      '422',
      '429',
    ]);
    expect(admin.security).toEqual([{ staff: [] }]);
    expect(own.security).toEqual([{ portalUser: [] }]);
    expect(own.description).toMatch(/session .*ends/);
  });

  it("a portal user can neither call the admin endpoint nor change another user's email", async () => {
    const [user, other] = [await activeUser(), await activeUser()];
    const asPortalUser = await appendsNothing(() =>
      world.call('post', `/v1/portal-users/${other.id}/email-change`, user.token, {
        newEmail: address('hijack'),
      }),
    );
    expect([401, 403]).toContain(asPortalUser.status);
    // The self-service route changes the caller only, and wants the caller's own password.
    expectProblem(
      await appendsNothing(() =>
        ownChange(user, { newEmail: address('hijack'), password: 'Other-password-1!' }),
      ),
      403,
      'password_incorrect',
    );
    // A token for one portal does not open another portal's route.
    expect(
      (
        await appendsNothing(() =>
          ownChange(user, { newEmail: address('x'), password: CUSTOMER_PASSWORD }, otherPortal.slug),
        )
      ).status,
    ).toBe(401);
    // Staff tokens are not portal sessions.
    expect(
      (
        await appendsNothing(() =>
          world.call('post', `/v1/portals/${portal.slug}/me/email-change`, world.adminToken, {
            newEmail: address('staff'),
            password: CUSTOMER_PASSWORD,
          }),
        )
      ).status,
    ).toBe(401);
    expect((await me(other)).status).toBe(200);
    expect((await login(other.email)).status).toBe(200);
  });
});
