import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { portalUserStream, staffUserStream } from '@portal/domain';
import { hashToken } from '@portal/platform';
import { AuthFixtures } from './auth-fixtures';
import { startTestApp, type ApiResponse, type TestApp } from './support';

const PASSWORD = 'Customer-password-1!';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

function unsignedToken(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

function expectProblem(res: ApiResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.json).toMatchObject({ status, type: expect.stringMatching(/^urn:portal:problem:/) });
}

describe('authentication and sessions', () => {
  let app: TestApp;
  let fx: AuthFixtures;
  let adminToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    fx = new AuthFixtures(app);
    adminToken = await app.adminToken();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function createStaff(role: 'admin' | 'agent' | 'auditor') {
    const email = `${role}-${Math.random().toString(36).slice(2, 8)}@staff.example.com`;
    const password = `${role}-password-1`;
    const res = await app.http.post(
      '/v1/staff-users',
      { email, name: `A ${role}`, password, role },
      { token: adminToken },
    );
    expect(res.status).toBe(201);
    const login = await app.http.post('/v1/auth/staff/login', { email, password });
    expect(login.status).toBe(200);
    return { id: res.json.id as string, email, password, token: login.json.accessToken as string };
  }

  /** A portal user who accepted their invitation, logged in: returns the user and a fresh token. */
  async function activeUser(portal: { id: string; slug: string }, portalIds = [portal.id]) {
    const user = await fx.invitedUser(portalIds);
    const accepted = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
      token: user.invitationToken,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    return { ...user, token: accepted.json.accessToken as string };
  }

  describe('staff login', () => {
    it('gives the bootstrap admin a one-hour HS256 token for the staff audience', async () => {
      const res = await app.http.post('/v1/auth/staff/login', app.admin);
      expect(res.status).toBe(200);
      expect(res.json.expiresIn).toBe(3600);
      const [header] = (res.json.accessToken as string).split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
      const claims = claimsOf(res.json.accessToken);
      expect(claims.aud).toBe('staff');
      expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    });

    it('answers a wrong password and an unknown email with the same 401', async () => {
      const wrong = await app.http.post('/v1/auth/staff/login', {
        email: app.admin.email,
        password: 'not-the-password',
      });
      const unknown = await app.http.post('/v1/auth/staff/login', {
        email: 'nobody-here@staff.example.com',
        password: 'not-the-password',
      });
      expectProblem(wrong, 401);
      expect(unknown.status).toBe(401);
      expect(unknown.json).toEqual(wrong.json);
    });

    it('records a failed login in the staff user stream', async () => {
      const agent = await createStaff('agent');
      await app.http.post('/v1/auth/staff/login', { email: agent.email, password: 'wrong-password-x' });
      const events = await app.eventStore.readStream(staffUserStream(agent.id));
      expect(events.map((e) => e.type)).toEqual([
        'StaffUserCreated',
        'StaffUserPasswordSet',
        'StaffUserLoggedIn',
        'StaffUserLoginFailed',
      ]);
      expect(events[3].data).toMatchObject({ reason: 'wrong_password' });
    });
  });

  describe('staff users', () => {
    it('creates a staff user who can log in at once; never stores the password in an event', async () => {
      const agent = await createStaff('agent');
      const events = await app.eventStore.readStream(staffUserStream(agent.id));
      expect(JSON.stringify(events)).not.toContain(agent.password);
      const got = await app.http.get(`/v1/staff-users/${agent.id}`, {
        token: adminToken,
        headers: { 'x-consistency-token': String(events[events.length - 1].position) },
      });
      expect(got.status).toBe(200);
      expect(got.json).toMatchObject({ id: agent.id, email: agent.email, role: 'agent', isActive: true });
      expect(got.json).not.toHaveProperty('hash');
    });

    it('refuses a second staff user with the same email (any case) with 409 email_taken', async () => {
      const agent = await createStaff('agent');
      const res = await app.http.post(
        '/v1/staff-users',
        { email: agent.email.toUpperCase(), name: 'Twin', password: 'twin-password-1', role: 'agent' },
        { token: adminToken },
      );
      expectProblem(res, 409);
      expect(res.json.type).toBe('urn:portal:problem:email_taken');
    });

    it('refuses a weak password with 400 at /password', async () => {
      for (const password of ['short-1', 'aaaaaaaaaaaaaa']) {
        const res = await app.http.post(
          '/v1/staff-users',
          { email: 'weak@staff.example.com', name: 'Weak', password, role: 'agent' },
          { token: adminToken },
        );
        expectProblem(res, 400);
        expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('/password');
      }
    });

    it('keeps agents and auditors out of admin routes (403) and anonymous callers out (401)', async () => {
      const agent = await createStaff('agent');
      const auditor = await createStaff('auditor');
      const body = { email: 'x@staff.example.com', name: 'X', password: 'x-password-12', role: 'agent' };
      expectProblem(await app.http.post('/v1/staff-users', body, { token: agent.token }), 403);
      expectProblem(await app.http.post('/v1/staff-users', body, { token: auditor.token }), 403);
      expectProblem(await app.http.get('/v1/staff-users', { token: auditor.token }), 403);
      const anonymous = await app.http.get('/v1/staff-users');
      expectProblem(anonymous, 401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect((await app.http.get('/v1/staff-users', { token: adminToken })).status).toBe(200);
    });

    it('refuses the token of a staff user deactivated since it was issued', async () => {
      const admin = await createStaff('admin');
      expect((await app.http.get('/v1/staff-users', { token: admin.token })).status).toBe(200);
      await fx.append(staffUserStream(admin.id), [
        { type: 'StaffUserDeactivated', data: { staffUserId: admin.id } },
      ]);
      expectProblem(await app.http.get('/v1/staff-users', { token: admin.token }), 401);
      expectProblem(
        await app.http.post('/v1/auth/staff/login', { email: admin.email, password: admin.password }),
        401,
      );
    });
  });

  describe('token attacks', () => {
    let portal: { id: string; slug: string };
    let other: { id: string; slug: string };
    let user: Awaited<ReturnType<typeof activeUser>>;
    let otherPortalToken: string;

    beforeAll(async () => {
      portal = await fx.portal();
      other = await fx.portal();
      user = await activeUser(portal, [portal.id, other.id]);
      const login = await app.http.post(`/v1/portals/${other.slug}/auth/login`, {
        email: user.email,
        password: PASSWORD,
      });
      expect(login.status).toBe(200);
      otherPortalToken = login.json.accessToken;
    });

    function forged(
      claims: Record<string, unknown>,
      options: { secret?: string; algorithm?: 'HS256' | 'HS512' } = {},
    ) {
      return sign(claims, options.secret ?? app.config.jwtSecret, {
        algorithm: options.algorithm ?? 'HS256',
      });
    }

    it('refuses every bad token on a staff route with a 401 problem', async () => {
      const admin = claimsOf(adminToken);
      const future = Math.floor(Date.now() / 1000) + 600;
      const bad = {
        'alg none': unsignedToken({ sub: admin.sub, aud: 'staff', exp: future }),
        'wrong signature': forged(
          { sub: admin.sub, aud: 'staff', exp: future },
          { secret: 'another secret' },
        ),
        'another algorithm': forged({ sub: admin.sub, aud: 'staff', exp: future }, { algorithm: 'HS512' }),
        'no exp': forged({ sub: admin.sub, aud: 'staff' }),
        expired: forged({ sub: admin.sub, aud: 'staff', exp: Math.floor(Date.now() / 1000) - 10 }),
        'portal token': user.token,
        garbage: 'not.a.token',
      };
      for (const [name, token] of Object.entries(bad)) {
        const res = await app.http.get('/v1/staff-users', { token });
        expect({ name, status: res.status }).toEqual({ name, status: 401 });
        expectProblem(res, 401);
      }
    });

    it('refuses every bad token on a portal route with a 401 problem, and the good one works', async () => {
      const claims = claimsOf(user.token);
      const future = Math.floor(Date.now() / 1000) + 600;
      const bad = {
        'alg none': unsignedToken({ ...claims, exp: future }),
        'wrong signature': forged({ ...claims, exp: future }, { secret: 'another secret' }),
        'another algorithm': forged({ ...claims, exp: future }, { algorithm: 'HS512' }),
        'no exp': forged({ sub: claims.sub, aud: claims.aud, sid: claims.sid }),
        expired: forged({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }),
        "another portal's token": otherPortalToken,
        'staff token': adminToken,
      };
      for (const [name, token] of Object.entries(bad)) {
        const res = await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, { token });
        expect({ name, status: res.status }).toEqual({ name, status: 401 });
        expectProblem(res, 401);
      }
      // The genuine token still works (the attacks ended nothing), then stops at once after logout.
      expect(
        (await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, { token: user.token }))
          .status,
      ).toBe(204);
      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, { token: user.token }),
        401,
      );
      // The other portal's session is its own: still live.
      expect(
        (await app.http.post(`/v1/portals/${other.slug}/auth/logout`, undefined, { token: otherPortalToken }))
          .status,
      ).toBe(204);
    });
  });

  describe('portal users', () => {
    let portal: { id: string; slug: string };

    beforeAll(async () => {
      portal = await fx.portal({ tokenLifetimeMinutes: 15 });
    });

    it('accepts an invitation once, logs in and out, and records every step', async () => {
      const user = await fx.invitedUser([portal.id]);
      const weak = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
        token: user.invitationToken,
        password: 'short',
      });
      expectProblem(weak, 400);
      expect(weak.json.errors[0].path).toBe('/password');

      const accepted = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
        token: user.invitationToken,
        password: PASSWORD,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.json.expiresIn).toBe(15 * 60);
      expect(claimsOf(accepted.json.accessToken).aud).toBe(`portal:${portal.id}`);

      const again = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
        token: user.invitationToken,
        password: PASSWORD,
      });
      expectProblem(again, 422);
      expect(again.json.type).toBe('urn:portal:problem:invitation_used');

      const badLogin = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: user.email,
        password: 'Wrong-password-1',
      });
      expectProblem(badLogin, 401);
      const login = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: user.email.toUpperCase(),
        password: PASSWORD,
      });
      expect(login.status).toBe(200);
      const logout = await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, {
        token: login.json.accessToken,
      });
      expect(logout.status).toBe(204);

      const events = await fx.eventsOf(user.id);
      expect(events.map((e) => e.type)).toEqual([
        'PortalUserCreated',
        'InvitationSent',
        'InvitationAccepted',
        'PortalUserPasswordSet',
        'PortalUserLoggedIn',
        'PortalUserLoginFailed',
        'PortalUserLoggedIn',
        'PortalUserLoggedOut',
      ]);
      expect(events[5].data).toMatchObject({ reason: 'bad_password', portalId: portal.id });
      expect(events[7].data).toMatchObject({
        reason: 'logout',
        sessionId: claimsOf(login.json.accessToken).sid,
      });
      expect(JSON.stringify(events)).not.toContain(PASSWORD);
    });

    it('refuses an unknown invitation token with 422 invitation_invalid', async () => {
      const res = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
        token: fx.token('invitation', 'no-such-invitation'),
        password: PASSWORD,
      });
      expectProblem(res, 422);
      expect(res.json.type).toBe('urn:portal:problem:invitation_invalid');
    });

    it('refuses a user not in the portal and an unknown user alike (401), recording the member attempt', async () => {
      const elsewhere = await fx.portal();
      const user = await activeUser(elsewhere);
      const notMember = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: user.email,
        password: PASSWORD,
      });
      const unknown = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: 'nobody@client.example.org',
        password: PASSWORD,
      });
      expectProblem(notMember, 401);
      expect(unknown.json).toEqual(notMember.json);
      const last = (await fx.eventsOf(user.id)).pop();
      expect(last).toMatchObject({ type: 'PortalUserLoginFailed', data: { reason: 'not_in_portal' } });
    });

    it('locks a deactivated user out at once: open sessions and new logins', async () => {
      const user = await activeUser(portal);
      await fx.append(portalUserStream(user.id), [{ type: 'PortalUserDeactivated', data: {} }]);
      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, { token: user.token }),
        401,
      );
      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
          email: user.email,
          password: PASSWORD,
        }),
        401,
      );
      expect((await fx.eventsOf(user.id)).pop()).toMatchObject({
        type: 'PortalUserLoginFailed',
        data: { reason: 'deactivated' },
      });
    });

    it('answers 403 to a session on an inactive portal, and a login there 404 like an unknown portal', async () => {
      const closing = await fx.portal();
      const user = await activeUser(closing);
      await fx.portalEvent(closing.id, 'PortalDeactivated');
      expectProblem(
        await app.http.post(`/v1/portals/${closing.slug}/auth/logout`, undefined, { token: user.token }),
        403,
      );
      expectProblem(
        await app.http.post(`/v1/portals/${closing.slug}/auth/login`, {
          email: user.email,
          password: PASSWORD,
        }),
        404,
      );
    });

    it('ends a session idle for longer than the portal allows, and records the idle timeout', async () => {
      const strict = await fx.portal({ idleTimeoutMinutes: 1 });
      const user = await activeUser(strict);
      const sessionId = claimsOf(user.token).sid as string;
      const session = await app.readStore.get('portal_sessions', sessionId);
      expect(session).toMatchObject({ portalUserId: user.id, portalId: strict.id, endedAt: null });
      const twoMinutesAgo = new Date(Date.now() - 2 * 60_000).toISOString();
      await app.readStore.write((tx) =>
        tx.put('portal_sessions', { ...session!, lastSeenAt: twoMinutesAgo }),
      );

      expectProblem(
        await app.http.post(`/v1/portals/${strict.slug}/auth/logout`, undefined, { token: user.token }),
        401,
      );
      expect(await app.readStore.get('portal_sessions', sessionId)).toMatchObject({
        endReason: 'idle_timeout',
      });
      expect((await fx.eventsOf(user.id)).pop()).toMatchObject({
        type: 'PortalUserLoggedOut',
        data: { reason: 'idle_timeout', sessionId, portalId: strict.id },
      });
    });

    it('resets a forgotten password: 202 for anyone, single-use token, old sessions and password gone', async () => {
      const user = await activeUser(portal);
      const unknown = await app.http.post(`/v1/portals/${portal.slug}/auth/forgot-password`, {
        email: 'nobody@client.example.org',
      });
      expect(unknown.status).toBe(202);
      const known = await app.http.post(`/v1/portals/${portal.slug}/auth/forgot-password`, {
        email: user.email,
      });
      expect(known.status).toBe(202);

      const requested = (await fx.eventsOf(user.id)).filter((e) => e.type === 'PasswordResetRequested').pop();
      expect(requested?.data).toMatchObject({ portalId: portal.id });
      const token = fx.token('password-reset', requested!.data.resetId as string);
      const newPassword = 'Brand-new-password-2';
      const reset = await app.http.post(`/v1/portals/${portal.slug}/auth/reset-password`, {
        token,
        password: newPassword,
      });
      expect(reset.status).toBe(200);
      const reused = await app.http.post(`/v1/portals/${portal.slug}/auth/reset-password`, {
        token,
        password: newPassword,
      });
      expectProblem(reused, 422);
      expect(reused.json.type).toBe('urn:portal:problem:reset_used');

      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, { token: user.token }),
        401,
      );
      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
          email: user.email,
          password: PASSWORD,
        }),
        401,
      );
      const login = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: user.email,
        password: newPassword,
      });
      expect(login.status).toBe(200);
    });

    it('confirms an email change with the mailed token; the new email logs in, the old one no more', async () => {
      const user = await activeUser(portal);
      const newEmail = `new-${user.email}`;
      const eventId = randomUUID();
      const token = fx.token('email-change', eventId);
      await fx.indexToken('email-change', eventId, user.id, portal.id);
      await fx.append(fx.emailStream(newEmail), [
        { type: 'UniqueValueReserved', data: { kind: 'portalUserEmail', value: newEmail, ownerId: user.id } },
      ]);
      await fx.append(
        portalUserStream(user.id),
        [
          {
            type: 'EmailChangeRequested',
            data: {
              newEmail,
              tokenHash: hashToken(token),
              expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
            },
          },
        ],
        { ids: [eventId] },
      );
      // Suspended while the change is pending.
      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
          email: user.email,
          password: PASSWORD,
        }),
        401,
      );

      const confirmed = await app.http.post(`/v1/portals/${portal.slug}/auth/confirm-email`, { token });
      expect(confirmed.status).toBe(200);
      expect(confirmed.json).toEqual({ email: newEmail });
      expect(
        (
          await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
            email: newEmail,
            password: PASSWORD,
          })
        ).status,
      ).toBe(200);
      expectProblem(
        await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
          email: user.email,
          password: PASSWORD,
        }),
        401,
      );
    });

    it('rate-limits failed logins per email with 429 and Retry-After, even for the right password then', async () => {
      const user = await activeUser(portal);
      for (let i = 0; i < 10; i++) {
        const res = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
          email: user.email,
          password: `Wrong-password-${i}`,
        });
        expect(res.status).toBe(401);
      }
      const limited = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
        email: user.email,
        password: PASSWORD,
      });
      expectProblem(limited, 429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another email from the same address is not held up.
      const other = await activeUser(portal);
      expect(
        (
          await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
            email: other.email,
            password: PASSWORD,
          })
        ).status,
      ).toBe(200);
    });
  });
});
