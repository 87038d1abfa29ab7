import { randomBytes } from 'node:crypto';
import { AuthFixtures } from './auth-fixtures';
import { startTestApp, type TestApp } from './support';

// Attempts counted only after they ran let parallel guesses through in any number: every request
// read the counter before the first failure was recorded. Counted before the attempt, no more
// than the limit can reach the check however many arrive at once.

jest.setTimeout(120_000);

const PASSWORD = 'Customer-password-1!';

/** How many answers were not 429: those attempts reached the password or token check. */
const reachedCheck = (statuses: number[]) => statuses.filter((s) => s !== 429);

describe('rate limits under parallel attempts', () => {
  let app: TestApp;
  let fx: AuthFixtures;

  beforeAll(async () => {
    app = await startTestApp();
    fx = new AuthFixtures(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets no more than 10 of 40 parallel wrong passwords for one email reach the check', async () => {
    const portal = await fx.portal();
    const user = await fx.invitedUser([portal.id]);
    const accepted = await app.http.post(`/v1/portals/${portal.slug}/auth/accept-invitation`, {
      token: user.invitationToken,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);

    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        app.http
          .post(`/v1/portals/${portal.slug}/auth/login`, { email: user.email, password: `Wrong-${i}-pass!` })
          .then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(reachedCheck(statuses).length).toBeLessThanOrEqual(10);
    expect(reachedCheck(statuses).length).toBeGreaterThan(0);
    // And the limit stands for the right password now.
    const right = await app.http.post(`/v1/portals/${portal.slug}/auth/login`, {
      email: user.email,
      password: PASSWORD,
    });
    expect(right.status).toBe(429);
  });

  it('lets no more than 50 of 70 parallel random reset tokens from one client reach the check', async () => {
    const portal = await fx.portal();
    const statuses = await Promise.all(
      Array.from({ length: 70 }, () =>
        app.http
          .post(`/v1/portals/${portal.slug}/auth/reset-password`, {
            token: randomBytes(32).toString('base64url'),
            password: 'Attacker-password-1!',
          })
          .then((res) => res.status),
      ),
    );
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect(reachedCheck(statuses).length).toBeLessThanOrEqual(50);
    expect(statuses).toContain(429);
  });
});

describe('rate limits under parallel attempts with one token', () => {
  let app: TestApp;
  let fx: AuthFixtures;

  beforeAll(async () => {
    app = await startTestApp();
    fx = new AuthFixtures(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['an email-change confirmation', 'confirm-email', {}],
    ['an invitation', 'accept-invitation', { password: PASSWORD }],
  ])(
    'lets no more than 10 of 20 parallel tries of one wrong token for %s reach the check',
    async (_, path, extra) => {
      const portal = await fx.portal();
      const token = randomBytes(32).toString('base64url');
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () =>
          app.http
            .post(`/v1/portals/${portal.slug}/auth/${path}`, { token, ...extra })
            .then((res) => res.status),
        ),
      );
      expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
      expect(reachedCheck(statuses).length).toBeLessThanOrEqual(10);
      expect(statuses).toContain(429);
    },
  );
});
