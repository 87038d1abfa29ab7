import { request as httpRequest } from 'node:http';
import { OPERATIONAL } from '@portal/read-models';
import { PasswordHasher } from '../apps/api/src/auth/passwords/password-hasher';
import { AuthFixtures } from './auth-fixtures';
import { PortalWorld } from './portal-world';
import { startTestApp, type ApiResponse, type TestApp } from './support';

// What an outside probe of the running service found (issue 15), each kept fixed by a test here.

const PASSWORD = 'Customer-password-1!';
const METRICS_TOKEN = 'scraper-token-for-the-tests';

function expectProblem(res: ApiResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.json).toMatchObject({ status, type: expect.stringMatching(/^urn:portal:problem:/) });
}

/** A raw HTTP request, for what fetch will not send (huge headers) or answers the parser gives. */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; contentType: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hardening after the outside security probe', () => {
  let app: TestApp;
  let fx: AuthFixtures;
  let adminToken: string;
  let portal: { id: string; slug: string };
  let customer: { id: string; email: string; token: string };

  beforeAll(async () => {
    app = await startTestApp({ config: { metricsToken: METRICS_TOKEN } });
    fx = new AuthFixtures(app);
    adminToken = await app.adminToken();
    portal = await fx.portal();
    const user = await fx.invitedUser([portal.id]);
    const accepted = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
      token: user.invitationToken,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    customer = { ...user, token: accepted.json.accessToken as string };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function staffToken(role: 'agent' | 'auditor'): Promise<string> {
    const email = `${role}-${Math.random().toString(36).slice(2, 8)}@staff.example.com`;
    const password = `${role}-password-1`;
    const created = await app.http.post(
      '/v1/staff-users',
      { email, name: `A ${role}`, password, role },
      { token: adminToken },
    );
    expect(created.status).toBe(201);
    const login = await app.http.post('/v1/auth/staff/login', { email, password });
    return login.json.accessToken as string;
  }

  describe('finding 2: nothing tells who has an account', () => {
    it('answers forgot-password alike, headers and consistency token included, for known and unknown emails', async () => {
      const forgot = (email: string) =>
        app.http.post(`/v1/portals/${portal.slug}/auth/forgot-password`, { email });
      const before = await app.eventStore.headPosition();
      const unknown = await forgot('nobody-here@example.com');
      const known = await forgot(customer.email);
      // The known email did append its PasswordResetRequested...
      expect(await app.eventStore.headPosition()).toBeGreaterThan(before);
      const unknownAfter = await forgot('nobody-else@example.com');
      // ...and no answer shows it: not the status, the headers, nor the consistency token.
      for (const res of [known, unknown, unknownAfter]) expect(res.status).toBe(202);
      const names = (res: ApiResponse) =>
        [...res.headers.keys()].filter((name) => !['date', 'content-length'].includes(name)).sort();
      expect(names(known)).toEqual(names(unknown));
      const tokens = [unknown, known, unknownAfter].map((res) => res.headers.get('x-consistency-token'));
      expect(tokens[0]).not.toBeNull();
      expect(new Set(tokens).size).toBe(1);
      expect(known.text).toBe(unknown.text);
    });

    it('shows the public nothing on /health that a failed login for a known email could move', async () => {
      const before = await app.http.get('/health');
      const failed = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: customer.email,
        password: 'Not-the-password-1!',
      });
      expect(failed.status).toBe(401);
      const after = await app.http.get('/health');
      expect(after.json).toEqual(before.json);
      expect(after.json).toEqual({ status: 'ok' });
    });
    /** What one anonymous attempt appended; the attempt runs alone, so nothing else moves the head. */
    async function appendedBy(attempt: () => Promise<ApiResponse>) {
      const before = await app.eventStore.headPosition();
      const res = await attempt();
      const appended = await app.eventStore.readAll({ after: before });
      return { res, appended, before, after: await app.eventStore.headPosition() };
    }

    const headerNames = (res: ApiResponse) =>
      [...res.headers.keys()]
        .filter((name) => !['date', 'content-length', 'x-request-id'].includes(name))
        .sort();

    /** The public's view of the head: a GET with a token beyond it is a 400, at or below it a 200. */
    async function publicHeadReached(position: number): Promise<boolean> {
      const res = await app.http.get(`/v1/portals/${portal.slug}/public`, {
        headers: { 'x-consistency-token': String(position) },
      });
      return res.status === 200;
    }

    it('answers a failed login alike and appends one event without the address, for known and unknown emails', async () => {
      const login = (email: string) =>
        appendedBy(() =>
          app.http.post(`/v1/portals/${portal.slug}/auth/login`, { email, password: 'Not-the-password-1!' }),
        );
      const unknownEmail = `nobody-${Math.random().toString(36).slice(2, 8)}@example.com`;
      const known = await login(customer.email);
      const unknown = await login(unknownEmail);
      for (const { res } of [known, unknown]) expectProblem(res, 401);
      expect(headerNames(unknown.res)).toEqual(headerNames(known.res));
      expect(unknown.res.json).toEqual(known.res.json);
      expect(unknown.res.headers.get('x-consistency-token')).toBe(
        known.res.headers.get('x-consistency-token'),
      );
      // Both move the head by one event, as anyone probing it with consistency tokens would see...
      expect(known.appended).toHaveLength(1);
      expect(unknown.appended).toHaveLength(1);
      for (const { after } of [known, unknown]) expect(await publicHeadReached(after)).toBe(true);
      // ...and the unknown email's record names no address, only a digest.
      expect(known.appended[0]).toMatchObject({ type: 'PortalUserLoginFailed' });
      expect(unknown.appended[0]).toMatchObject({
        type: 'UnknownEmailLoginFailed',
        stream: expect.stringMatching(/^emailAttempt-[0-9a-f]{64}$/),
        data: { realm: 'portal', portalId: portal.id, emailDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      expect(JSON.stringify(unknown.appended)).not.toContain(unknownEmail.split('@')[0]);
      // The same unknown address twice lands on the same stream (attempts can be told apart per address).
      const again = await login(unknownEmail.toUpperCase());
      expect(again.appended[0].stream).toBe(unknown.appended[0].stream);
    });

    it('answers a failed staff login alike and appends one event, for known and unknown emails', async () => {
      const login = (email: string) =>
        appendedBy(() => app.http.post('/v1/auth/staff/login', { email, password: 'Not-the-password-1!' }));
      const known = await login(app.admin.email);
      const unknown = await login(`nobody-${Math.random().toString(36).slice(2, 8)}@staff.example.com`);
      for (const { res } of [known, unknown]) expectProblem(res, 401);
      expect(headerNames(unknown.res)).toEqual(headerNames(known.res));
      expect(unknown.res.json).toEqual(known.res.json);
      expect(known.appended.map((e) => e.type)).toEqual(['StaffUserLoginFailed']);
      expect(unknown.appended).toMatchObject([
        { type: 'UnknownEmailLoginFailed', data: { realm: 'staff', portalId: null } },
      ]);
    });

    it('appends one event for forgot-password whether the email is eligible, known without a password, or unknown', async () => {
      const forgot = (email: string) =>
        appendedBy(() => app.http.post(`/v1/portals/${portal.slug}/auth/forgot-password`, { email }));
      const invited = await fx.invitedUser([portal.id]);
      const eligible = await forgot(customer.email);
      const noPasswordYet = await forgot(invited.email);
      const unknown = await forgot(`nobody-${Math.random().toString(36).slice(2, 8)}@example.com`);
      for (const { res } of [eligible, noPasswordYet, unknown]) {
        expect(res.status).toBe(202);
        expect(headerNames(res)).toEqual(headerNames(eligible.res));
        expect(res.headers.get('x-consistency-token')).toBe('-1');
        expect(res.text).toBe(eligible.res.text);
      }
      expect(eligible.appended.map((e) => e.type)).toEqual(['PasswordResetRequested']);
      expect(noPasswordYet.appended.map((e) => e.type)).toEqual(['PasswordResetNotIssued']);
      expect(unknown.appended.map((e) => e.type)).toEqual(['PasswordResetNotIssued']);
      expect(JSON.stringify(noPasswordYet.appended)).not.toContain(invited.email);
    });

    it('spends the same work on a known and an unknown email: argon2 verifications, store reads and appends', async () => {
      // Spies that call through: the attempts run for real, only counted.
      const spies = {
        verify: jest.spyOn(PasswordHasher.prototype, 'verify'),
        hash: jest.spyOn(PasswordHasher.prototype, 'hash'),
        streamReads: jest.spyOn(app.eventStore, 'readStream'),
        appends: jest.spyOn(app.eventStore, 'append'),
        readStoreGets: jest.spyOn(app.readStore, 'get'),
      };
      async function workOf(email: string) {
        for (const spy of Object.values(spies)) spy.mockClear();
        const res = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
          email,
          password: 'Not-the-password-1!',
        });
        expect(res.status).toBe(401);
        return {
          verify: spies.verify.mock.calls.length,
          hash: spies.hash.mock.calls.length,
          streamReads: spies.streamReads.mock.calls.length,
          appends: spies.appends.mock.calls.length,
          credentialReads: spies.readStoreGets.mock.calls.filter(([name]) => name === OPERATIONAL.credentials)
            .length,
        };
      }
      try {
        await workOf(`warming-the-dummy-hash-${Math.random().toString(36).slice(2, 8)}@example.com`);
        const known = await workOf(customer.email);
        const unknown = await workOf(`nobody-${Math.random().toString(36).slice(2, 8)}@example.com`);
        expect(known).toMatchObject({ verify: 1, hash: 0, appends: 1, credentialReads: 1 });
        expect(unknown).toEqual(known);
      } finally {
        for (const spy of Object.values(spies)) spy.mockRestore();
      }
    });
  });

  describe('finding 3: bad input is a 400 naming the field, never a 500', () => {
    const PROTOTYPE_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString'];

    it.each(['/v1/portals', '/v1/portal-users', '/v1/portal-roles', '/v1/staff-users', '/v1/entity-types'])(
      'refuses prototype names as sort or filter fields on %s',
      async (path) => {
        for (const name of PROTOTYPE_NAMES) {
          expectProblem(await app.http.get(`${path}?sort=${name}`, { token: adminToken }), 400);
          expectProblem(await app.http.get(`${path}?filter[${name}]=x`, { token: adminToken }), 400);
        }
      },
    );

    it('refuses prototype names on record lists, staff and portal', async () => {
      for (const name of PROTOTYPE_NAMES) {
        const staff = await app.http.get(`/v1/records/Case?sort=${name}`, { token: adminToken });
        expectProblem(staff, 400);
        const filtered = await app.http.get(`/v1/records/Case?filter[${name}]=1`, { token: adminToken });
        expectProblem(filtered, 400);
      }
    });

    it('refuses a NUL or a lone surrogate in a JSON string, naming the field, appending nothing', async () => {
      const head = await app.eventStore.headPosition();
      for (const bad of ['Acme\u0000Portal', 'Acme \ud800 Portal', '\udc00']) {
        const res = await app.http.post(
          '/v1/portals',
          { name: bad, slug: `bad-${Math.random().toString(36).slice(2, 8)}` },
          { token: adminToken },
        );
        expectProblem(res, 400);
        expect(res.json.errors).toEqual([{ path: '/name', message: expect.any(String) }]);
      }
      const login = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: customer.email,
        password: 'x\u0000y',
      });
      expectProblem(login, 400);
      expect(login.json.errors[0].path).toBe('/password');
      expect(await app.eventStore.headPosition()).toBe(head);
    });

    it('refuses a NUL or a lone surrogate in a query filter, naming it', async () => {
      for (const value of ['%00', 'a%00b']) {
        const res = await app.http.get(`/v1/portal-users?filter[email]=${value}`, { token: adminToken });
        expect(res.status).toBe(400);
      }
      const nul = await app.http.get('/v1/portal-users?filter[email]=a%00b', { token: adminToken });
      expectProblem(nul, 400);
      expect(nul.json.errors[0].path).toBe('/query/filter[email]');
    });

    it('refuses an audit cursor beyond 2^53', async () => {
      const auditor = await staffToken('auditor');
      for (const after of ['9007199254740993', '99999999999999999999999']) {
        expectProblem(await app.http.get(`/v1/audit/events?after=${after}`, { token: auditor }), 400);
      }
      expect((await app.http.get('/v1/audit/events?after=0', { token: auditor })).status).toBe(200);
    });

    it('refuses a deeply nested body with an Idempotency-Key, on login too (no login needed)', async () => {
      // Written by hand: JSON.stringify itself recurses.
      const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
      const res = await app.http.post(
        `/v1/portals/${portal.slug}/auth/login`,
        `{"email":${JSON.stringify(customer.email)},"password":${deep}}`,
        { headers: { 'idempotency-key': 'deep-1' } },
      );
      expectProblem(res, 400);
      let nested: unknown = 'x';
      for (let i = 0; i < 70; i++) nested = { a: nested };
      const staff = await app.http.post(
        '/v1/portals',
        { name: 'Deep', extra: nested },
        { token: adminToken },
      );
      expectProblem(staff, 400);
      expect(staff.json.type).toBe('urn:portal:problem:too_deeply_nested');
    });
  });

  describe('finding 5: a consistency token from the future', () => {
    it('is a 400 at once on any GET, public ones included, while real tokens still work', async () => {
      const head = await app.eventStore.headPosition();
      const future = String(head + 1_000_000);
      const publicPage = await app.http.get(`/v1/portals/${portal.slug}/public`, {
        headers: { 'x-consistency-token': future },
      });
      expectProblem(publicPage, 400);
      const me = await app.http.get(`/v1/portals/${portal.slug}/me`, {
        token: customer.token,
        headers: { 'x-consistency-token': future },
      });
      expectProblem(me, 400);
      const current = await app.http.get(`/v1/portals/${portal.slug}/public`, {
        headers: { 'x-consistency-token': String(head) },
      });
      expect(current.status).toBe(200);
    });
  });

  describe('finding 6: /health and /metrics', () => {
    it('shows the public (and portal users, and agents) only the status', async () => {
      const agent = await staffToken('agent');
      for (const token of [undefined, customer.token, agent, 'not-a-token']) {
        const res = await app.http.get('/health', { token });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ status: 'ok' });
        expect((await app.http.get('/metrics', { token })).status).toBe(401);
      }
    });

    it('shows admins, auditors and the metrics token the details and the metrics', async () => {
      const auditor = await staffToken('auditor');
      for (const token of [adminToken, auditor, METRICS_TOKEN]) {
        const res = await app.http.get('/health', { token });
        expect(res.status).toBe(200);
        expect(res.json).toMatchObject({ status: 'ok', checks: { eventStore: { status: 'up' } } });
        const metrics = await app.http.get('/metrics', { token });
        expect(metrics.status).toBe(200);
        expect(metrics.text).toMatch(/^portal_event_store_head_position \d+$/m);
      }
    });
  });

  describe('finding 7: personal answers are not cached', () => {
    it('answers Cache-Control: no-store to authenticated requests', async () => {
      const me = await app.http.get(`/v1/portals/${portal.slug}/me`, { token: customer.token });
      expect(me.status).toBe(200);
      expect(me.headers.get('cache-control')).toBe('no-store');
      const users = await app.http.get('/v1/portal-users', { token: adminToken });
      expect(users.status).toBe(200);
      expect(users.headers.get('cache-control')).toBe('no-store');
      const user = await app.http.get(`/v1/portal-users/${customer.id}`, { token: adminToken });
      expect(user.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('finding 8: commands, transport errors and inactive portals', () => {
    it('refuses form-encoded and text bodies on commands with 415, appending nothing', async () => {
      const head = await app.eventStore.headPosition();
      const form = await app.http.post(
        `/v1/portals/${portal.slug}/auth/forgot-password`,
        `email=${encodeURIComponent(customer.email)}`,
        { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      );
      expectProblem(form, 415);
      const text = await app.http.post(
        `/v1/portals/${portal.slug}/auth/forgot-password`,
        JSON.stringify({ email: customer.email }),
        { headers: { 'content-type': 'text/plain' } },
      );
      expectProblem(text, 415);
      const staff = await app.http.post('/v1/portals', 'name=Evil', {
        token: adminToken,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectProblem(staff, 415);
      expect(await app.eventStore.headPosition()).toBe(head);
    });

    it('answers 414 and 431 as problem documents', async () => {
      const long = await rawGet(app.baseUrl, `/v1/portals/${'a'.repeat(200)}/public`);
      expect(long.status).toBe(414);
      expect(long.contentType).toContain('application/problem+json');
      expect(JSON.parse(long.body)).toMatchObject({ status: 414 });
      const huge = await rawGet(app.baseUrl, '/health', { 'x-filler': 'a'.repeat(40_000) });
      expect(huge.status).toBe(431);
      expect(huge.contentType).toContain('application/problem+json');
      expect(JSON.parse(huge.body)).toMatchObject({ status: 431 });
    });

    it('answers a login on an inactive portal exactly as on an unknown one', async () => {
      const closing = await fx.portal();
      await fx.portalEvent(closing.id, 'PortalDeactivated');
      const body = { email: customer.email, password: PASSWORD };
      const inactive = await app.http.post(`/v1/portals/${closing.slug}/auth/login`, body);
      const unknown = await app.http.post('/v1/portals/no-such-portal-here/auth/login', body);
      expectProblem(inactive, 404);
      expect(inactive.status).toBe(unknown.status);
      expect(inactive.json).toEqual(unknown.json);
    });
  });

  describe('finding 9: a role that may create but not read', () => {
    it('files records with the fields it may set, answers { id } alone, and shows them nowhere', async () => {
      const world = await PortalWorld.start(app);
      const roleId = await world.createRole({
        name: `Drop box ${world.unique()}`,
        scopes: { Case: { create: 'yes', read: 'no', edit: 'no', delete: 'no', stream: 'no' } },
        fields: { Case: { status: { read: 'yes', edit: 'no' } } },
      });
      const dropBox = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
      const accountId = await world.createRecord('Account', { name: `Filer ${world.unique()}` });
      const contactId = await world.createRecord('Contact', {
        firstName: 'Fi',
        lastName: 'Ler',
        email: `filer-${world.unique()}@customer.example.org`,
        accountId,
      });
      const filer = await world.createPortalUser(contactId, dropBox);
      const path = `/v1/portals/${dropBox.slug}/records/Case`;

      const created = await world.call('post', path, filer.token, {
        name: 'Printer on fire',
        priority: 'High',
      });
      expect(created.status).toBe(201);
      expect(created.json).toEqual({ id: expect.any(String) });
      const stored = await world.staff('get', `/v1/records/Case/${created.json.id}`);
      expect(stored.json).toMatchObject({ name: 'Printer on fire', priority: 'High', status: 'New' });

      expect((await world.call('get', `${path}/${created.json.id}`, filer.token)).status).toBe(404);
      const listed = await world.call('get', path, filer.token);
      expect(listed.json?.items ?? []).toEqual([]);
      // Field-level entries still hold: a read-only field is refused.
      const refused = await world.call('post', path, filer.token, { name: 'B', status: 'Closed' });
      expectProblem(refused, 403);
    });

    it('is described in the OpenAPI document of the role endpoints', async () => {
      const doc = (await app.http.get('/docs/openapi.json')).json;
      expect(doc.paths['/v1/portal-roles'].post.description).toContain('Create without read');
      expect(doc.paths['/v1/portal-roles/{id}'].patch.description).toContain('Create without read');
    });
  });
});
