import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { PortalWorld } from './portal-world';
import { E2E_STORES, startTestApp, type ApiResponse, type TestApp } from './support';

// GET /v1/portals/{slug}/public: what the sign-in pages show before anyone logs in. No token, only
// presentation fields, and an inactive portal looks exactly like one that does not exist.

/** The whole answer, key by key: a field added to it later must be added here on purpose. */
const PUBLIC_KEYS = ['branding', 'consent', 'language', 'name', 'slug'];
const BRANDING_KEYS = ['companyName', 'logoUrl', 'primaryColor'];

describe.each(E2E_STORES)('public face of a portal (%s store)', (store) => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let roleId: string;

  /** Without any token, waiting for the writes so far (read-your-writes, as the page does not need). */
  function publicInfo(slug: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return world.call('get', `/v1/portals/${encodeURIComponent(slug)}/public`, '', undefined, headers);
  }

  function expectNotFound(res: ApiResponse): void {
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ type: 'urn:portal:problem:portal_not_found', status: 404 });
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
  }

  beforeAll(async () => {
    app = await startTestApp({ store });
    world = await PortalWorld.start(app);
    roleId = await world.createRole({
      name: 'Public check',
      scopes: { Case: { create: 'yes', read: 'own', edit: 'no', delete: 'no', stream: 'own' } },
    });
    portal = await world.createPortal({
      name: 'Acme Support',
      roleIds: [roleId],
      tabList: ['Case'],
      quickCreateList: ['Case'],
      settings: {
        language: 'de_DE',
        timeZone: 'Europe/Berlin',
        dateFormat: 'DD.MM.YYYY',
        currency: 'EUR',
        tokenLifetimeMinutes: 45,
        idleTimeoutMinutes: 15,
        maxUsers: 7,
      },
      branding: {
        logoUrl: 'https://acme.example.com/logo.png',
        primaryColor: '#0b5cad',
        companyName: 'Acme Ltd',
      },
    });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('answers the name, language and branding without a token, and nothing else', async () => {
    const res = await publicInfo(portal.slug);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(PUBLIC_KEYS);
    expect(Object.keys(res.json.branding).sort()).toEqual(BRANDING_KEYS);
    expect(res.json).toEqual({
      slug: portal.slug,
      name: 'Acme Support',
      language: 'de_DE',
      branding: {
        logoUrl: 'https://acme.example.com/logo.png',
        primaryColor: '#0b5cad',
        companyName: 'Acme Ltd',
      },
      consent: null,
    });
    // No id, role, limit or staff setting anywhere in the text either.
    for (const secret of [portal.id, roleId, 'maxUsers', 'idleTimeout', 'tokenLifetime', 'userCount', 'Case'])
      expect(res.text).not.toContain(secret);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('answers a portal without branding with each branding key null', async () => {
    const plain = await world.createPortal({});
    const res = await publicInfo(plain.slug);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      slug: plain.slug,
      name: `Portal ${plain.slug}`,
      language: expect.any(String),
      branding: { logoUrl: null, primaryColor: null, companyName: null },
      consent: null,
    });
  });

  it('needs no token and ignores a forged one', async () => {
    const anonymous = await app.http.get(`/v1/portals/${portal.slug}/public`);
    expect(anonymous.status).toBe(200);
    const forged = await app.http.get(`/v1/portals/${portal.slug}/public`, { token: 'not.a.token' });
    expect(forged.status).toBe(200);
    expect(forged.json).toEqual(anonymous.json);
  });

  it('finds the portal whatever the case of the slug, and answers its own slug', async () => {
    const res = await publicInfo(portal.slug.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.json.slug).toBe(portal.slug);
  });

  it('answers 404 portal_not_found for an unknown slug', async () => {
    expectNotFound(await publicInfo(`no-such-portal-${world.unique()}`));
  });

  it('answers an inactive portal exactly like an unknown one, and serves it again once reactivated', async () => {
    const off = await world.staff('patch', `/v1/portals/${portal.id}`, { isActive: false });
    expect(off.status).toBe(200);
    const inactive = await publicInfo(portal.slug);
    expectNotFound(inactive);
    const unknown = await publicInfo(`no-such-portal-${world.unique()}`);
    expect(inactive.json).toEqual(unknown.json);
    expect(inactive.text).not.toContain('Acme');

    const on = await world.staff('patch', `/v1/portals/${portal.id}`, { isActive: true });
    expect(on.status).toBe(200);
    const back = await publicInfo(portal.slug);
    expect(back.status).toBe(200);
    expect(back.json.name).toBe('Acme Support');
  });

  it('refuses what cannot be a slug with 400 before any lookup, never 500', async () => {
    for (const slug of ['%00', '%20', 'a', 'Bad%20Slug!', '..%2F..', `a'%20OR%201=1`, 'x'.repeat(65)]) {
      const res = await app.http.get(`/v1/portals/${slug}/public`);
      expect({ slug, status: res.status }).toEqual({ slug, status: 400 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    // The auth routes share the pipe: a NUL in the slug is a 400 there too, not a store error.
    const login = await app.http.post('/v1/portals/%00/auth/login', { email: 'a@b.test', password: 'x' });
    expect(login.status).toBe(400);
    // Guarded routes look the slug up in the guard, before any pipe: a correctly signed token on a
    // NUL slug names no portal there (401), not a store error.
    const signed = sign({ sid: randomUUID() }, app.config.jwtSecret, {
      algorithm: 'HS256',
      audience: `portal:${randomUUID()}`,
      subject: randomUUID(),
      expiresIn: 60,
    });
    for (const path of ['/v1/portals/%00/me', '/v1/portals/%01x/records/Case']) {
      const guarded = await app.http.get(path, { token: signed });
      expect({ path, status: guarded.status }).toEqual({ path, status: 401 });
    }
    // Longer than the router takes at all: refused by the router, still a 4xx.
    const tooLong = await app.http.get(`/v1/portals/${'a'.repeat(101)}/public`);
    expect(tooLong.status).toBeGreaterThanOrEqual(400);
    expect(tooLong.status).toBeLessThan(500);
  });

  it('is in the OpenAPI document, under portal, without security', async () => {
    const openapi = (await app.http.get('/docs/openapi.json')).json;
    const operation = openapi.paths['/v1/portals/{slug}/public']?.get;
    expect(operation).toBeDefined();
    expect(operation.tags).toContain('portal');
    expect(operation.security ?? []).toEqual([]);
    expect(operation.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'slug', in: 'path' })]),
    );
    const { $ref } = operation.responses['200'].content['application/json'].schema;
    expect($ref).toBe('#/components/schemas/PortalPublic');
    const schema = openapi.components.schemas.PortalPublic;
    expect(Object.keys(schema.properties).sort()).toEqual(PUBLIC_KEYS);
    expect(Object.keys(schema.properties.branding.properties).sort()).toEqual(BRANDING_KEYS);
    expect(operation.responses['404']).toBeDefined();
  });
});
