/* eslint-disable @typescript-eslint/no-explicit-any -- OpenAPI and answers are read as loose JSON */
import { randomBytes, randomUUID } from 'node:crypto';
import { sign, type Algorithm } from 'jsonwebtoken';
import { PortalWorld } from '../portal-world';
import { startTestApp, type TestApp } from '../support';

// The JWT attack set on every protected route of the OpenAPI document (test/auth.e2e-spec.ts
// tries it on one staff and one portal route), and brute force on login and on password reset:
// every forged token is a 401, guessing ends in 429.

/**
 * The routes that take no token, by name: every other operation must declare bearer security, so a
 * route that forgets it fails here instead of escaping the attack set. They must ignore any token.
 */
const PUBLIC_ROUTES = new Set([
  'GET /health',
  'POST /v1/auth/staff/login',
  'POST /v1/portals/{slug}/auth/login',
  'POST /v1/portals/{slug}/auth/accept-invitation',
  'POST /v1/portals/{slug}/auth/forgot-password',
  'POST /v1/portals/{slug}/auth/reset-password',
  'POST /v1/portals/{slug}/auth/confirm-email',
  'GET /v1/portals/{slug}/public',
  // Orchestrators' probes: the status word only, as GET /health answers the public.
  'GET /health/live',
  'GET /health/ready',
  // A share link: the unguessable token in the path is the credential (404 when dead or guessed).
  'GET /v1/shared/{token}',
  'GET /v1/shared/{token}/attachments/{attachmentId}',
]);

function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function unsigned(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

function attackSet(genuine: string, secret: string, foreign: Record<string, string>): Record<string, string> {
  const { iat: _iat, exp: _exp, ...claims } = claimsOf(genuine);
  const future = Math.floor(Date.now() / 1000) + 600;
  const forge = (payload: object, key = secret, algorithm: Algorithm = 'HS256') =>
    sign(payload, key, { algorithm, noTimestamp: true });
  const [header, payload] = genuine.split('.');
  const tampered = Buffer.from(JSON.stringify({ ...claimsOf(genuine), sub: randomUUID() })).toString(
    'base64url',
  );
  return {
    'alg none': unsigned({ ...claims, exp: future }),
    'alg none, no signature dot': unsigned({ ...claims, exp: future }).slice(0, -1),
    'wrong secret': forge({ ...claims, exp: future }, randomBytes(32).toString('base64url')),
    'HS512 with the right secret': forge({ ...claims, exp: future }, secret, 'HS512'),
    'no exp': forge(claims),
    expired: forge({ ...claims, exp: Math.floor(Date.now() / 1000) - 5 }),
    'not yet valid': forge({ ...claims, exp: future, nbf: future - 60 }),
    'wrong audience': forge({ ...claims, aud: 'someone-else', exp: future }),
    'payload swapped, signature kept': `${header}.${tampered}.${genuine.split('.')[2]}`,
    'signature stripped': `${header}.${payload}.`,
    empty: '',
    garbage: 'not.a.token',
    ...foreign,
  };
}

describe('attacks on authentication', () => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let customer: { id: string; token: string };
  let contactEmail: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await PortalWorld.start(app);
    const accountId = await world.createRecord('Account', { name: 'Target Corp' });
    contactEmail = `target-${world.unique()}@target.test`;
    const contactId = await world.createRecord('Contact', {
      lastName: 'Target',
      email: contactEmail,
      accountId,
    });
    const roleId = await world.createRole({
      name: 'Targets',
      scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
    });
    portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    customer = await world.createPortalUser(contactId, portal);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('answers 401 to every forged, expired or foreign token on every protected route; public ones ignore tokens', async () => {
    const openapi = (await app.http.get('/docs/openapi.json')).json;
    const staffAttacks = attackSet(world.adminToken, app.config.jwtSecret, {
      'portal user token': customer.token,
    });
    const portalAttacks = attackSet(customer.token, app.config.jwtSecret, {
      'staff token': world.adminToken,
    });
    const failures: string[] = [];
    const unsecured: string[] = [];
    let routes = 0;
    for (const [path, operations] of Object.entries<any>(openapi.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        const isPublic = !operation.security?.length;
        if (isPublic) unsecured.push(`${method.toUpperCase()} ${path}`);
        else routes += 1;
        const url = path
          .replace('{slug}', portal.slug)
          .replace('{entityType}', 'Case')
          .replace(/\{[^}]+\}/g, () => randomUUID());
        const attacks = path.startsWith('/v1/portals/{slug}/') ? portalAttacks : staffAttacks;
        for (const [name, token] of Object.entries(attacks)) {
          // A body (and its content type) only where one is expected: an empty JSON body is a 400 before auth.
          const withBody = method !== 'get' && method !== 'delete';
          const res = await fetch(`${app.baseUrl}${url}`, {
            method: method.toUpperCase(),
            headers: {
              authorization: `Bearer ${token}`,
              ...(withBody ? { 'content-type': 'application/json' } : {}),
            },
            body: withBody ? '{}' : undefined,
          });
          await res.arrayBuffer();
          // A public route answers as if no token were sent: never 401, never a crash.
          const refused = isPublic ? res.status === 401 || res.status >= 500 : res.status !== 401;
          if (refused) failures.push(`${method.toUpperCase()} ${path} with ${name}: ${res.status}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(20);
    expect(unsecured.sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(failures).toEqual([]);
    // The genuine tokens still work: the attacks ended nothing.
    expect((await app.http.get(`/v1/portals/${portal.slug}/me`, { token: customer.token })).status).toBe(200);
    expect((await app.http.get('/v1/staff-users', { token: world.adminToken })).status).toBe(200);
  }, 300_000);

  it('rate-limits password guessing on portal login, then refuses even the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15 && !statuses.includes(429); i += 1) {
      const res = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: contactEmail,
        password: `guess-${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    const right = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
      email: contactEmail,
      password: 'Customer-password-1!',
    });
    expect(right.status).toBe(429);
  }, 120_000);

  it('rate-limits guessing reset tokens, and no guess resets anything', async () => {
    const head = await app.eventStore.headPosition();
    const statuses: number[] = [];
    for (let i = 0; i < 60 && !statuses.includes(429); i += 1) {
      const res = await app.http.post(`/v1/portals/${portal.slug}/auth/reset-password`, {
        token: randomBytes(32).toString('base64url'),
        password: 'Attacker-password-1!',
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    const appended = await app.eventStore.readAll({ after: head });
    expect(appended.filter((e) => /Password(Reset|Changed)/.test(e.type))).toEqual([]);
  }, 120_000);

  // Last: the per-client counter it fills is shared by every login route.
  it('rate-limits a password spray on staff login across many emails (per client)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60 && !statuses.includes(429); i += 1) {
      const res = await app.http.post('/v1/auth/staff/login', {
        email: `spray-${i}@staff.test`,
        password: `guess-${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  }, 120_000);
});
