import { randomUUID } from 'node:crypto';
import { deriveKey, hashToken, oneTimeToken } from '@portal/platform';
import { startTestApp, type ApiResponse, type TestApp } from './support';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const STAFF_DOMAIN = 'staff-company.test';
const PASSWORD = 'Customer-password-1!';

/**
 * Portal users as an admin manages them, through HTTP only: creation from contacts and emails,
 * invitations (single and bulk), seats, transfers, status lists, sessions, login history and the
 * access explanation. Reads carry the last command's X-Consistency-Token.
 */
describe('admin: portal users', () => {
  let app: TestApp;
  let admin: string;
  let agent: string;
  let auditor: string;
  let roleId: string;
  let position = -1;
  let seq = 0;
  const savedStaffDomains = process.env.STAFF_EMAIL_DOMAINS;

  const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 7)}`;
  const email = (prefix: string) => `${unique(prefix)}@customer.test`;

  async function call(
    method: Method,
    path: string,
    body?: unknown,
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers = { ...options.headers };
    if (method === 'get' && position >= 0) headers['x-consistency-token'] = String(position);
    const sent = { token: options.token ?? admin, headers };
    const res =
      method === 'get' || method === 'delete'
        ? await app.http[method](path, sent)
        : await app.http[method](path, body, sent);
    const token = res.headers.get('x-consistency-token');
    if (token !== null) position = Math.max(position, Number(token));
    return res;
  }

  async function appendsNothing(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const before = await app.eventStore.headPosition();
    const res = await request();
    expect(await app.eventStore.headPosition()).toBe(before);
    return res;
  }

  async function created(res: Promise<ApiResponse>): Promise<string> {
    const answer = await res;
    if (answer.status !== 201) throw new Error(`expected 201, got ${answer.status} ${answer.text}`);
    return answer.json.id as string;
  }

  const record = (type: string, fields: Record<string, unknown>) =>
    created(call('post', `/v1/records/${type}`, fields));
  const account = () => record('Account', { name: unique('Account') });
  const contact = (fields: Record<string, unknown> = {}) =>
    record('Contact', { firstName: 'Jane', lastName: unique('Doe'), email: email('jane'), ...fields });

  async function portal(body: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    const slug = unique('portal');
    const id = await created(call('post', '/v1/portals', { name: `Portal ${slug}`, slug, ...body }));
    return { id, slug };
  }

  const userFromContact = (contactId: string, portalIds: string[], extra: Record<string, unknown> = {}) =>
    created(call('post', '/v1/portal-users', { contactId, portalIds, ...extra }));

  async function staffToken(role: 'agent' | 'auditor'): Promise<string> {
    const address = `${unique(role)}@staff.example.org`;
    const password = 'Staff-password-1!';
    await created(call('post', '/v1/staff-users', { email: address, name: role, password, role }));
    const login = await app.http.post('/v1/auth/staff/login', { email: address, password });
    return login.json.accessToken as string;
  }

  /** The token of the user's latest invitation, derived the way the mailer derives it. */
  async function invitationToken(portalUserId: string): Promise<string> {
    const events = await app.eventStore.readStream(`portalUser-${portalUserId}`);
    const sent = events.filter((e) => e.type === 'InvitationSent').pop();
    if (!sent) throw new Error('no InvitationSent');
    return oneTimeToken(
      deriveKey(app.config.jwtSecret, 'one-time-tokens'),
      'invitation',
      String(sent.data.invitationId),
    );
  }

  async function acceptedUser(slug: string, portalUserId: string): Promise<string> {
    const res = await call('post', `/v1/portals/${slug}/auth/accept-invitation`, {
      token: await invitationToken(portalUserId),
      password: PASSWORD,
    });
    if (res.status !== 200) throw new Error(`accept: ${res.status} ${res.text}`);
    return res.json.accessToken as string;
  }

  const getUser = async (id: string) => (await call('get', `/v1/portal-users/${id}`)).json;
  const getPortal = async (id: string) => (await call('get', `/v1/portals/${id}`)).json;

  beforeAll(async () => {
    process.env.STAFF_EMAIL_DOMAINS = STAFF_DOMAIN;
    app = await startTestApp();
    admin = await app.adminToken();
    agent = await staffToken('agent');
    auditor = await staffToken('auditor');
    roleId = await created(
      call('post', '/v1/portal-roles', {
        name: 'Customer support',
        scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    if (savedStaffDomains === undefined) delete process.env.STAFF_EMAIL_DOMAINS;
    else process.env.STAFF_EMAIL_DOMAINS = savedStaffDomains;
  });

  describe('creation', () => {
    it('makes a user from a contact: email, names and accounts come from the contact', async () => {
      const accountId = await account();
      const address = email('Jane.Doe');
      const contactId = await contact({
        firstName: 'Jane',
        lastName: 'Doe',
        email: address.toUpperCase(),
        accountId,
      });
      const p = await portal({ roleIds: [roleId] });
      const res = await call('post', '/v1/portal-users', { contactId, portalIds: [p.id] });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ id: expect.any(String) });
      expect(res.headers.get('x-consistency-token')).toMatch(/^\d+$/);

      const user = await call('get', `/v1/portal-users/${res.json.id}`);
      expect(user.headers.get('etag')).toBe(`"${user.json.revision}"`);
      expect(user.json).toMatchObject({
        id: res.json.id,
        email: address.toLowerCase(),
        firstName: 'Jane',
        lastName: 'Doe',
        contactId,
        accountIds: [accountId],
        portalIds: [p.id],
        roleIds: [],
        status: 'invited',
        invitations: [],
      });
      expect((await getPortal(p.id)).userCount).toBe(1);

      const again = await appendsNothing(() =>
        call('post', '/v1/portal-users', { contactId, portalIds: [p.id] }),
      );
      expect(again.status).toBe(409);
      expect(again.json.type).toMatch(/already_portal_user$/);
    });

    it('makes a user from an email; the email is unique whatever its case', async () => {
      const p = await portal();
      const address = email('Bob');
      const body = {
        email: address,
        firstName: 'Bob',
        lastName: 'Smith',
        portalIds: [p.id],
        roleIds: [roleId],
      };
      const id = await created(call('post', '/v1/portal-users', body));
      expect(await getUser(id)).toMatchObject({
        email: address.toLowerCase(),
        contactId: null,
        roleIds: [roleId],
        portalIds: [p.id],
      });

      const taken = await appendsNothing(() =>
        call('post', '/v1/portal-users', { ...body, email: `  ${address.toUpperCase()}` }),
      );
      expect(taken.status).toBe(409);
      expect(taken.json.type).toMatch(/email_taken$/);
    });

    it('refuses malformed bodies with 400 and wrong references with 422, appending nothing', async () => {
      const p = await portal();
      const noLastName = await appendsNothing(() =>
        call('post', '/v1/portal-users', { email: email('x'), firstName: 'X', portalIds: [p.id] }),
      );
      expect(noLastName.status).toBe(400);
      expect(noLastName.json.errors).toEqual([{ path: '/lastName', message: expect.any(String) }]);

      const both = await appendsNothing(() =>
        call('post', '/v1/portal-users', { contactId: randomUUID(), email: email('x'), portalIds: [p.id] }),
      );
      expect(both.status).toBe(400);
      expect(both.json.errors.map((e: { path: string }) => e.path)).toEqual(['/email']);

      const noPortals = await appendsNothing(() =>
        call('post', '/v1/portal-users', {
          email: email('x'),
          firstName: 'X',
          lastName: 'Y',
          portalIds: 'all',
        }),
      );
      expect(noPortals.status).toBe(400);
      expect(noPortals.json.errors[0].path).toBe('/portalIds');

      const unknownPortal = await appendsNothing(() =>
        call('post', '/v1/portal-users', {
          email: email('x'),
          firstName: 'X',
          lastName: 'Y',
          portalIds: [p.id, randomUUID()],
        }),
      );
      expect(unknownPortal.status).toBe(422);
      expect(unknownPortal.json.errors).toEqual([{ path: '/portalIds/1', message: 'no such portal' }]);

      const unknownRole = await appendsNothing(() =>
        call('post', '/v1/portal-users', {
          email: email('x'),
          firstName: 'X',
          lastName: 'Y',
          portalIds: [p.id],
          roleIds: [randomUUID()],
        }),
      );
      expect(unknownRole.status).toBe(422);
      expect(unknownRole.json.type).toMatch(/role_not_found$/);

      const unknownContact = await appendsNothing(() =>
        call('post', '/v1/portal-users', { contactId: randomUUID(), portalIds: [p.id] }),
      );
      expect(unknownContact.status).toBe(422);
      expect(unknownContact.json.type).toMatch(/contact_not_found$/);

      const staff = await appendsNothing(() =>
        call('post', '/v1/portal-users', {
          email: `boss@${STAFF_DOMAIN}`,
          firstName: 'B',
          lastName: 'S',
          portalIds: [p.id],
        }),
      );
      expect(staff.status).toBe(422);
      expect(staff.json.type).toMatch(/staff_domain$/);
    });

    it('refuses a deleted contact with 422 record_deleted', async () => {
      const p = await portal();
      const contactId = await contact();
      expect((await call('delete', `/v1/records/Contact/${contactId}`)).status).toBe(204);
      const res = await appendsNothing(() =>
        call('post', '/v1/portal-users', { contactId, portalIds: [p.id] }),
      );
      expect(res.status).toBe(422);
      expect(res.json.type).toMatch(/record_deleted$/);
    });

    it('replays an Idempotency-Key: same answer, nothing appended', async () => {
      const p = await portal();
      const key = randomUUID();
      const body = { email: email('idem'), firstName: 'I', lastName: 'D', portalIds: [p.id] };
      const first = await call('post', '/v1/portal-users', body, { headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      const replay = await appendsNothing(() =>
        call('post', '/v1/portal-users', body, { headers: { 'idempotency-key': key } }),
      );
      expect(replay.status).toBe(201);
      expect(replay.json).toEqual(first.json);
    });
  });

  describe('seats', () => {
    it('refuses a user beyond the portal’s maxUsers with 409 portal_user_limit, appending nothing', async () => {
      const p = await portal({ settings: { maxUsers: 1 } });
      await created(
        call('post', '/v1/portal-users', {
          email: email('first'),
          firstName: 'A',
          lastName: 'A',
          portalIds: [p.id],
        }),
      );
      const second = await appendsNothing(() =>
        call('post', '/v1/portal-users', {
          email: email('second'),
          firstName: 'B',
          lastName: 'B',
          portalIds: [p.id],
        }),
      );
      expect(second.status).toBe(409);
      expect(second.json.type).toMatch(/portal_user_limit$/);
      expect((await getPortal(p.id)).userCount).toBe(1);
    });

    it('moves the seat on transfer; a full target portal refuses', async () => {
      const from = await portal();
      const to = await portal({ settings: { maxUsers: 1 } });
      const mover = await userFromContact(await contact(), [from.id]);
      const stayer = await userFromContact(await contact(), [from.id]);

      const moved = await call('post', `/v1/portal-users/${mover}/transfer`, {
        fromPortalId: from.id,
        toPortalId: to.id,
      });
      expect(moved.status).toBe(204);
      expect((await getUser(mover)).portalIds).toEqual([to.id]);
      expect((await getPortal(from.id)).userCount).toBe(1);
      expect((await getPortal(to.id)).userCount).toBe(1);
      const transferred = (await app.eventStore.readStream(`portalUser-${mover}`)).filter(
        (e) => e.type === 'PortalUserTransferred',
      );
      expect(transferred.map((e) => e.data)).toEqual([{ fromPortalId: from.id, toPortalId: to.id }]);

      const full = await appendsNothing(() =>
        call('post', `/v1/portal-users/${stayer}/transfer`, { fromPortalId: from.id, toPortalId: to.id }),
      );
      expect(full.status).toBe(409);
      expect(full.json.type).toMatch(/portal_user_limit$/);
      expect((await getUser(stayer)).portalIds).toEqual([from.id]);

      const notMember = await appendsNothing(() =>
        call('post', `/v1/portal-users/${stayer}/transfer`, { fromPortalId: to.id, toPortalId: from.id }),
      );
      expect(notMember.status).toBe(422);
    });
  });

  describe('invitations', () => {
    it('stores only the token’s hash; a resend supersedes; the user shows each invitation’s delivery', async () => {
      const p1 = await portal();
      const p2 = await portal();
      const other = await portal();
      const id = await userFromContact(await contact(), [p1.id, p2.id], { sendInvitation: true });

      const key = deriveKey(app.config.jwtSecret, 'one-time-tokens');
      const sent = () =>
        app.eventStore
          .readStream(`portalUser-${id}`)
          .then((events) => events.filter((e) => e.type === 'InvitationSent'));
      const first = await sent();
      expect(first.map((e) => e.data.portalId)).toEqual([p1.id, p2.id]);
      for (const event of first) {
        const token = oneTimeToken(key, 'invitation', String(event.data.invitationId));
        expect(event.data.tokenHash).toBe(hashToken(token));
        expect(Object.keys(event.data).sort()).toEqual([
          'expiresAt',
          'invitationId',
          'portalId',
          'resend',
          'tokenHash',
        ]);
        expect(JSON.stringify(await app.eventStore.readAll())).not.toContain(token);
      }

      const resend = await call('post', `/v1/portal-users/${id}/invitations`, { portalId: p1.id });
      expect(resend.status).toBe(202);
      expect(resend.text).toBe('');
      const after = await sent();
      expect(after).toHaveLength(3);
      expect(after[2].data).toMatchObject({ portalId: p1.id, resend: true });

      const user = await getUser(id);
      expect(user.invitations).toHaveLength(2);
      expect(user.invitations.map((i: { invitationId: string }) => i.invitationId).sort()).toEqual(
        [after[1].data.invitationId, after[2].data.invitationId].sort(),
      );
      expect(
        user.invitations.every((i: { delivery: string }) =>
          ['pending', 'delivered', 'failed'].includes(i.delivery),
        ),
      ).toBe(true);

      const notMember = await appendsNothing(() =>
        call('post', `/v1/portal-users/${id}/invitations`, { portalId: other.id }),
      );
      expect(notMember.status).toBe(422);
      expect(notMember.json.type).toMatch(/not_in_portal$/);
    });

    it('invites contacts in bulk, each with its own result, whatever happens to the others', async () => {
      const p = await portal({ settings: { maxUsers: 3 } });
      const elsewhere = await portal();
      const ok1 = await contact();
      const noEmail = await record('Contact', { firstName: 'No', lastName: 'Mail' });
      const badEmail = await contact({ email: `o'brien-${unique('x')}@customer.test` });
      const staff = await contact({ email: `someone-${unique('s')}@${STAFF_DOMAIN}` });
      const deleted = await contact();
      expect((await call('delete', `/v1/records/Contact/${deleted}`)).status).toBe(204);
      const existing = await contact();
      await userFromContact(existing, [elsewhere.id]);
      const unknown = randomUUID();
      const ok2 = await contact();
      const ok3 = await contact();
      const ok4 = await contact();

      const contactIds = [ok1, noEmail, badEmail, staff, deleted, existing, unknown, ok2, ok3, ok4];
      const res = await call('post', `/v1/portals/${p.id}/invitations/bulk`, { contactIds });
      expect(res.status).toBe(200);
      expect(res.json.results).toEqual([
        { contactId: ok1, status: 'invited' },
        { contactId: noEmail, status: 'failed', reason: 'no_email' },
        { contactId: badEmail, status: 'failed', reason: 'invalid_email' },
        { contactId: staff, status: 'failed', reason: 'staff_domain' },
        { contactId: deleted, status: 'failed', reason: 'record_deleted' },
        { contactId: existing, status: 'failed', reason: 'already_portal_user' },
        { contactId: unknown, status: 'failed', reason: 'not_found' },
        { contactId: ok2, status: 'invited' },
        { contactId: ok3, status: 'invited' },
        { contactId: ok4, status: 'failed', reason: 'portal_user_limit' },
      ]);

      const members = await call('get', `/v1/portal-users?portalId=${p.id}&perPage=100`);
      expect(members.json.total).toBe(3);
      expect(members.json.items.map((u: { contactId: string }) => u.contactId).sort()).toEqual(
        [ok1, ok2, ok3].sort(),
      );
      expect(members.json.items.every((u: { invitations: unknown[] }) => u.invitations.length === 1)).toBe(
        true,
      );
    });

    it('invites the contacts of an account in bulk', async () => {
      const p = await portal();
      const accountId = await account();
      const a = await contact({ accountId });
      const b = await contact({ accountIds: [accountId] });
      const gone = await contact({ accountId });
      expect((await call('delete', `/v1/records/Contact/${gone}`)).status).toBe(204);
      await contact();
      const res = await call('post', `/v1/portals/${p.id}/invitations/bulk`, { accountId });
      expect(res.status).toBe(200);
      expect(res.json.results).toEqual([
        { contactId: a, status: 'invited' },
        { contactId: b, status: 'invited' },
      ]);
      const malformed = await appendsNothing(() =>
        call('post', `/v1/portals/${p.id}/invitations/bulk`, { accountId, contactIds: [a] }),
      );
      expect(malformed.status).toBe(400);
      const unknownPortal = await appendsNothing(() =>
        call('post', `/v1/portals/${randomUUID()}/invitations/bulk`, { contactIds: [a] }),
      );
      expect(unknownPortal.status).toBe(404);
    });
  });

  describe('status, sessions and history', () => {
    it('lists users by portal and status', async () => {
      const p = await portal();
      const invited = await userFromContact(await contact(), [p.id]);
      const deactivated = await userFromContact(await contact(), [p.id]);
      expect((await call('post', `/v1/portal-users/${deactivated}/deactivate`)).status).toBe(204);

      const all = await call('get', `/v1/portal-users?portalId=${p.id}`);
      expect(all.json).toMatchObject({ total: 2, page: 1, perPage: 20 });
      const byStatus = async (status: string) =>
        (await call('get', `/v1/portal-users?portalId=${p.id}&status=${status}`)).json.items.map(
          (u: { id: string }) => u.id,
        );
      expect(await byStatus('deactivated')).toEqual([deactivated]);
      expect(await byStatus('invited')).toEqual([invited]);
      expect(await byStatus('active')).toEqual([]);
      const paged = await call('get', `/v1/portal-users?portalId=${p.id}&perPage=1&page=2&sort=createdAt`);
      expect(paged.json.items.map((u: { id: string }) => u.id)).toEqual([deactivated]);
      expect((await call('get', '/v1/portal-users?status=sleeping')).status).toBe(400);
    });

    it('ends sessions at once on deactivation and removal; records logins, newest first', async () => {
      const p = await portal({ roleIds: [roleId], tabList: ['Case'] });
      const address = email('login');
      const id = await userFromContact(await contact({ email: address }), [p.id], { sendInvitation: true });
      const token = await acceptedUser(p.slug, id);
      expect((await call('get', `/v1/portals/${p.slug}/me`, undefined, { token })).status).toBe(200);

      const login = (password: string) =>
        call('post', `/v1/portals/${p.slug}/auth/login`, { email: address, password });
      expect((await login('wrong-password-1!')).status).toBe(401);
      const second = await login(PASSWORD);
      expect(second.status).toBe(200);
      const active = await call('get', `/v1/portal-users?portalId=${p.id}&status=active`);
      expect(active.json.items.map((u: { id: string }) => u.id)).toEqual([id]);

      const history = await call('get', `/v1/portal-users/${id}/login-history`);
      expect(history.status).toBe(200);
      const kinds = (history.json.items as { kind: string }[]).map((h) => h.kind);
      expect(kinds[0]).toBe('login');
      expect(kinds).toContain('login_failed');
      const times = (history.json.items as { at: string }[]).map((h) => h.at);
      expect([...times].sort().reverse()).toEqual(times);
      const failed = await call('get', `/v1/portal-users/${id}/login-history?filter[kind]=login_failed`);
      expect(failed.json.items).toHaveLength(1);
      expect(failed.json.items[0]).toMatchObject({ portalUserId: id, portalId: p.id, kind: 'login_failed' });

      expect((await call('post', `/v1/portal-users/${id}/deactivate`)).status).toBe(204);
      expect(
        (await call('get', `/v1/portals/${p.slug}/me`, undefined, { token: second.json.accessToken })).status,
      ).toBe(401);
      expect((await login(PASSWORD)).status).toBe(401);
      expect((await call('post', `/v1/portal-users/${id}/activate`)).status).toBe(204);
      const third = await login(PASSWORD);
      expect(third.status).toBe(200);

      expect((await call('delete', `/v1/portals/${p.id}/users/${id}`)).status).toBe(204);
      expect(
        (await call('get', `/v1/portals/${p.slug}/me`, undefined, { token: third.json.accessToken })).status,
      ).toBe(401);
      expect(await getUser(id)).toMatchObject({ portalIds: [] });
      expect((await getPortal(p.id)).userCount).toBe(0);
      expect((await call('delete', `/v1/portals/${p.id}/users/${id}`)).status).toBe(404);
    });
  });

  describe('roles, support period, access', () => {
    it('assigns and unassigns a user’s roles; sets and clears the support period', async () => {
      const p = await portal();
      const id = await userFromContact(await contact(), [p.id]);
      expect((await call('post', `/v1/portal-users/${id}/roles`, { roleId })).status).toBe(204);
      expect((await getUser(id)).roleIds).toEqual([roleId]);
      expect((await call('post', `/v1/portal-users/${id}/roles`, { roleId: randomUUID() })).status).toBe(422);
      expect((await call('delete', `/v1/portal-users/${id}/roles/${roleId}`)).status).toBe(204);
      expect((await getUser(id)).roleIds).toEqual([]);

      const put = (body: unknown) => call('put', `/v1/portal-users/${id}/support-period`, body);
      expect((await put({ start: '2026-01-01', end: '2026-12-31' })).status).toBe(204);
      expect((await getUser(id)).supportPeriod).toEqual({ start: '2026-01-01', end: '2026-12-31' });
      expect((await appendsNothing(() => put({ start: '2026-12-31', end: '2026-01-01' }))).status).toBe(422);
      const malformed = await appendsNothing(() => put({ start: 'soon', end: '2026-01-01' }));
      expect(malformed.status).toBe(400);
      expect(malformed.json.errors[0].path).toBe('/start');
      expect((await call('delete', `/v1/portal-users/${id}/support-period`)).status).toBe(204);
      expect((await getUser(id)).supportPeriod).toBeNull();
    });

    it('explains per action what the user may do with a record and which role grants it', async () => {
      const p = await portal({ roleIds: [roleId], tabList: ['Case'] });
      const accountId = await account();
      const contactId = await contact({ accountId });
      const ownCase = await record('Case', { name: 'Printer on fire', accountId, contactId });
      const otherCase = await record('Case', { name: 'Not yours', accountId: await account() });
      const id = await userFromContact(contactId, [p.id], { sendInvitation: true });
      await acceptedUser(p.slug, id);

      const explain = (query: string) => call('get', `/v1/portal-users/${id}/access?${query}`);
      const own = await explain(`entityType=Case&recordId=${ownCase}`);
      expect(own.status).toBe(200);
      expect(own.json).toMatchObject({
        portalUserId: id,
        status: 'active',
        entityType: 'Case',
        recordId: ownCase,
      });
      expect(own.json.portals).toHaveLength(1);
      const inPortal = own.json.portals[0];
      expect(inPortal).toMatchObject({
        portalId: p.id,
        portalSlug: p.slug,
        roles: [{ id: roleId, name: 'Customer support' }],
      });
      expect(inPortal.actions.read).toEqual({
        allowed: true,
        level: 'account',
        grantedBy: [{ id: roleId, name: 'Customer support' }],
      });
      expect(inPortal.actions.create).toMatchObject({ allowed: true, level: 'yes' });
      expect(inPortal.actions.edit).toMatchObject({ allowed: false, level: 'no', reason: 'no_access' });

      const other = await explain(`entityType=Case&recordId=${otherCase}&portalId=${p.id}`);
      expect(other.json.portals[0].actions.read).toMatchObject({
        allowed: false,
        level: 'account',
        reason: 'level_too_narrow',
      });

      expect((await explain(`entityType=Case&recordId=${randomUUID()}`)).status).toBe(404);
      expect((await explain(`entityType=Account&recordId=${ownCase}`)).status).toBe(404);
      expect((await explain('recordId=x')).status).toBe(400);
      expect((await explain(`entityType=Case&portalId=${randomUUID()}`)).status).toBe(422);
    });
  });

  describe('only admins', () => {
    it('refuses agents and auditors on every portal-user endpoint, appending nothing', async () => {
      const p = await portal();
      const id = await userFromContact(await contact(), [p.id]);
      const attempts: [Method, string, unknown][] = [
        ['post', '/v1/portal-users', { email: email('a'), firstName: 'A', lastName: 'B', portalIds: [p.id] }],
        ['get', '/v1/portal-users', undefined],
        ['get', `/v1/portal-users/${id}`, undefined],
        ['get', `/v1/portal-users/${id}/login-history`, undefined],
        ['get', `/v1/portal-users/${id}/access?entityType=Case`, undefined],
        ['post', `/v1/portal-users/${id}/invitations`, { portalId: p.id }],
        ['post', `/v1/portals/${p.id}/invitations/bulk`, { contactIds: [randomUUID()] }],
        ['post', `/v1/portal-users/${id}/deactivate`, undefined],
        ['post', `/v1/portal-users/${id}/activate`, undefined],
        ['delete', `/v1/portals/${p.id}/users/${id}`, undefined],
        ['post', `/v1/portal-users/${id}/transfer`, { fromPortalId: p.id, toPortalId: randomUUID() }],
        ['post', `/v1/portal-users/${id}/roles`, { roleId }],
        ['delete', `/v1/portal-users/${id}/roles/${roleId}`, undefined],
        ['put', `/v1/portal-users/${id}/support-period`, { start: '2026-01-01', end: '2026-02-01' }],
        ['delete', `/v1/portal-users/${id}/support-period`, undefined],
      ];
      for (const [method, path, body] of attempts) {
        for (const token of [agent, auditor]) {
          const res = await appendsNothing(() => call(method, path, body, { token }));
          expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
        }
      }
    });
  });
});
