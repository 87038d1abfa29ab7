import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@portal/domain';
import { runSignInRetention } from '@portal/runtime';
import { parseEml } from '../libs/mailer/src/testing/parse-eml';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { startTestApp, type ApiResponse, type TestApp } from './support';

jest.setTimeout(120_000);

const QUIET_MAILER = {
  log: () => undefined,
  warn: (message: string) => console.warn(`[mailer] ${message}`),
  error: (message: string) => console.error(`[mailer] ${message}`),
};

function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, type: res.json?.type }).toEqual({
    status,
    type: `urn:portal:problem:${code}`,
  });
}

/**
 * Consent, restriction of processing and retention, on one app boot (with the mailer, whose outbox
 * shows what was sent).
 */
describe('privacy: consent, restriction, retention', () => {
  let app: TestApp;
  let world: PortalWorld;
  let accountId: string;
  let roleId: string;

  beforeAll(async () => {
    app = await startTestApp({ mailer: true, mailerOptions: { logger: QUIET_MAILER } });
    world = await PortalWorld.start(app);
    accountId = await world.createRecord('Account', { name: 'Consenting Co' });
    roleId = await world.createRole({
      name: `Cases ${world.unique()}`,
      scopes: { Case: { create: 'yes', read: 'account', edit: 'own', delete: 'no', stream: 'account' } },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function newContact(): Promise<{ contactId: string; email: string }> {
    const email = `person.${world.unique()}@customer.example`;
    const contactId = await world.createRecord('Contact', {
      firstName: 'Ada',
      lastName: 'Byron',
      email,
      accountId,
    });
    return { contactId, email };
  }

  const login = (slug: string, email: string, extra: Record<string, unknown> = {}) =>
    world.call('post', `/v1/portals/${slug}/auth/login`, '', {
      email,
      password: CUSTOMER_PASSWORD,
      ...extra,
    });

  it('requires consent at invitation acceptance, again on a new version, and withdrawal ends the session', async () => {
    const portal = await world.createPortal({
      roleIds: [roleId],
      tabList: ['Case'],
      settings: { consentVersion: '2026-1', consentUrl: 'https://example.com/terms/2026-1' },
    });
    // The sign-in page can show what is to be accepted.
    const pub = await world.call('get', `/v1/portals/${portal.slug}/public`, '');
    expect(pub.json.consent).toEqual({ version: '2026-1', url: 'https://example.com/terms/2026-1' });

    const { contactId, email } = await newContact();
    const { id: userId, invitationToken: token } = await world.invite(contactId, portal);
    const accept = (extra: Record<string, unknown>) =>
      world.call('post', `/v1/portals/${portal.slug}/auth/accept-invitation`, '', {
        token,
        password: CUSTOMER_PASSWORD,
        ...extra,
      });

    // Missing or wrong version: 403, nothing appended, the token still works.
    for (const extra of [{}, { consentVersion: '2025-9' }]) {
      const head = await app.eventStore.headPosition();
      const refused = await accept(extra);
      expectProblem(refused, 403, 'consent_required');
      expect(refused.json).toMatchObject({
        consentVersion: '2026-1',
        consentUrl: 'https://example.com/terms/2026-1',
      });
      expect(await app.eventStore.headPosition()).toBe(head);
    }
    const accepted = await accept({ consentVersion: '2026-1' });
    expect(accepted.status).toBe(200);
    let bearer = accepted.json.accessToken as string;
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, bearer)).status).toBe(200);
    const given = (await app.eventStore.readStream(`portalUser-${userId}`)).filter(
      (e) => e.type === 'ConsentGiven',
    );
    expect(given.map((e) => e.data)).toEqual([{ portalId: portal.id, version: '2026-1' }]);

    // A new version: the live session may only accept (or withdraw, or log out).
    const changed = await world.staff('patch', `/v1/portals/${portal.id}`, {
      settings: { consentVersion: '2026-2', consentUrl: 'https://example.com/terms/2026-2' },
    });
    expect(changed.status).toBe(200);
    await world.sync();
    for (const path of ['me', 'records/Case']) {
      expectProblem(
        await world.call('get', `/v1/portals/${portal.slug}/${path}`, bearer),
        403,
        'consent_required',
      );
    }
    // A login needs it too, and can carry it.
    expectProblem(await login(portal.slug, email), 403, 'consent_required');
    expectProblem(
      await world.call('post', `/v1/portals/${portal.slug}/me/consents`, bearer, { version: '2026-1' }),
      422,
      'consent_version_not_current',
    );
    const consented = await world.call('post', `/v1/portals/${portal.slug}/me/consents`, bearer, {
      version: '2026-2',
    });
    expect(consented.status).toBe(200);
    expect(consented.json).toEqual({ portalId: portal.id, version: '2026-2' });
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, bearer)).status).toBe(200);

    // Withdrawal ends the session and blocks login until accepted again.
    const withdrawn = await world.call('delete', `/v1/portals/${portal.slug}/me/consents/2026-2`, bearer);
    expect(withdrawn.status).toBe(204);
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, bearer)).status).toBe(401);
    expectProblem(await login(portal.slug, email), 403, 'consent_required');
    const again = await login(portal.slug, email, { consentVersion: '2026-2' });
    expect(again.status).toBe(200);
    bearer = again.json.accessToken as string;
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, bearer)).status).toBe(200);

    // Admins list who gave or withdrew which version, and when.
    await world.sync();
    const list = await world.staff('get', `/v1/portals/${portal.id}/consents?sort=at&order=asc`);
    expect(list.status).toBe(200);
    expect(
      list.json.items.map((c: Record<string, unknown>) => [c.portalUserId, c.version, c.action]),
    ).toEqual([
      [userId, '2026-1', 'given'],
      [userId, '2026-2', 'given'],
      [userId, '2026-2', 'withdrawn'],
      [userId, '2026-2', 'given'],
    ]);
    for (const item of list.json.items) expect(Date.parse(item.at)).not.toBeNaN();
    const ofSubject = await world.staff('get', `/v1/data-subjects/${contactId}/consents`);
    expect(ofSubject.json.total).toBe(4);
    // Portal users cannot list them.
    expect((await world.call('get', `/v1/portals/${portal.id}/consents`, bearer)).status).toBe(401);
  });

  it('a session that owes the consent may still read what to accept, give it, log out, export its data and ask for erasure; nothing else', async () => {
    const portal = await world.createPortal({
      roleIds: [roleId],
      tabList: ['Case'],
      settings: { consentVersion: 'v1', consentUrl: 'https://example.com/terms/v1' },
    });
    const { contactId } = await newContact();
    const user = await world.createPortalUser(contactId, portal, [], { consentVersion: 'v1' });
    const bumpTo = async (version: string) => {
      const changed = await world.staff('patch', `/v1/portals/${portal.id}`, {
        settings: { consentVersion: version, consentUrl: `https://example.com/terms/${version}` },
      });
      expect(changed.status).toBe(200);
      await world.sync();
    };
    const as = (method: 'get' | 'post' | 'delete', path: string, body?: unknown) =>
      world.call(method, `/v1/portals/${portal.slug}/${path}`, user.token, body);
    await bumpTo('v2');

    // Ordinary routes: 403 consent_required, naming what to accept.
    for (const [method, path, body] of [
      ['get', 'me', undefined],
      ['get', 'dashboard', undefined],
      ['get', 'records/Case', undefined],
      ['post', 'records/Case', { subject: 'Blocked' }],
    ] as const) {
      const refused = await as(method, path, body);
      expectProblem(refused, 403, 'consent_required');
      expect(refused.json).toMatchObject({
        consentVersion: 'v2',
        consentUrl: 'https://example.com/terms/v2',
      });
    }
    // Reading the requirement needs no session at all.
    const pub = await world.call('get', `/v1/portals/${portal.slug}/public`, '');
    expect(pub.json.consent).toEqual({ version: 'v2', url: 'https://example.com/terms/v2' });

    // Data-subject rights are not conditional on accepting new terms.
    const exported = await as('get', 'me/data-export');
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.json)).toContain(user.id);
    expectProblem(await as('get', 'me/erasure-request'), 404, 'erasure_request_not_found');
    const asked = await as('post', 'me/erasure-request', { reason: 'New terms' });
    expect(asked.status).toBe(201);
    expect((await as('get', 'me/erasure-request')).json).toMatchObject({ status: 'pending' });

    // Giving the consent opens everything again.
    expect((await as('post', 'me/consents', { version: 'v2' })).status).toBe(200);
    expect((await as('get', 'me')).status).toBe(200);

    // And logging out works while the consent is owed.
    await bumpTo('v3');
    expectProblem(await as('get', 'me'), 403, 'consent_required');
    expect((await as('post', 'auth/logout')).status).toBe(204);
    expect((await as('get', 'me')).status).toBe(401);
  });

  it('restriction refuses login and email until released', async () => {
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    const { contactId, email } = await newContact();
    const user = await world.createPortalUser(contactId, portal);
    const outbox = join(app.config.dataDir, 'outbox');
    const mailsTo = async () => {
      const names = existsSync(outbox) ? (await readdir(outbox)).filter((n) => n.endsWith('.eml')) : [];
      let count = 0;
      for (const name of names) {
        if (
          parseEml(await readFile(join(outbox, name), 'utf8'))
            .headers.get('to')
            ?.includes(email)
        )
          count++;
      }
      return count;
    };
    const failuresOf = async () =>
      (await app.eventStore.readAll({ filter: { eventTypes: ['EmailDeliveryFailed'] } })).filter(
        (e) => e.data.portalUserId === user.id,
      );

    const restricted = await world.staff('post', `/v1/data-subjects/${contactId}/restriction`, {});
    expect(restricted.status).toBe(200);
    expect(restricted.json).toEqual({ subjectId: contactId, portalUserIds: [user.id], restricted: true });
    // Sessions end; login is refused with its own code, after the password only.
    expect((await world.call('get', `/v1/portals/${portal.slug}/me`, user.token)).status).toBe(401);
    expectProblem(await login(portal.slug, email), 401, 'processing_restricted');
    expectProblem(
      await login(portal.slug, email, { password: 'Wrong-password-1!' }),
      401,
      'invalid_credentials',
    );

    // An email asked for now is not sent: the mailer refuses it at send time.
    const before = await mailsTo();
    expect(
      (await world.call('post', `/v1/portals/${portal.slug}/auth/forgot-password`, '', { email })).status,
    ).toBe(202);
    await waitUntil('the mailer refused the restricted email', async () => (await failuresOf()).length > 0);
    expect((await failuresOf())[0].data).toMatchObject({
      permanent: true,
      reason: expect.stringContaining('restricted'),
    });
    expect(await mailsTo()).toBe(before);

    // Released: login and emails work again.
    const lifted = await world.staff('delete', `/v1/data-subjects/${contactId}/restriction`);
    expect(lifted.status).toBe(200);
    expect(lifted.json.restricted).toBe(false);
    expect((await login(portal.slug, email)).status).toBe(200);
    expect(
      (await world.call('post', `/v1/portals/${portal.slug}/auth/forgot-password`, '', { email })).status,
    ).toBe(202);
    await waitUntil('the reset email arrives', async () => (await mailsTo()) > before);
    expect((await world.staff('post', `/v1/data-subjects/${world.unique()}/restriction`, {})).status).toBe(
      400,
    );
  });

  it('a restriction belongs to the subject: a portal user created for the contact afterwards starts restricted', async () => {
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    const { contactId, email } = await newContact();
    await world.sync();
    // Restricted while the contact has no portal user at all.
    const restricted = await world.staff('post', `/v1/data-subjects/${contactId}/restriction`, {});
    expect(restricted.json).toEqual({ subjectId: contactId, portalUserIds: [], restricted: true });

    const created = await world.staff('post', '/v1/portal-users', {
      contactId,
      portalIds: [portal.id],
      roleIds: [],
      sendInvitation: true,
    });
    expect(created.status).toBe(201);
    const userId = created.json.id as string;
    const typesOf = async () => (await app.eventStore.readStream(`portalUser-${userId}`)).map((e) => e.type);
    // Restricted from the start, and sent nothing (no invitation).
    expect(await typesOf()).toEqual(['PortalUserCreated', 'ProcessingRestricted']);
    // An invitation an admin sends meanwhile sets a password, but signs nobody in.
    expect(
      (await world.staff('post', `/v1/portal-users/${userId}/invitations`, { portalId: portal.id })).status,
    ).toBeLessThan(300);
    await world.sync();
    const accepted = await world.call('post', `/v1/portals/${portal.slug}/auth/accept-invitation`, '', {
      token: await world.invitationToken(userId),
      password: CUSTOMER_PASSWORD,
    });
    expectProblem(accepted, 401, 'processing_restricted');
    expectProblem(await login(portal.slug, email), 401, 'processing_restricted');

    // Lifting the subject's restriction lifts it for that user too.
    await world.sync();
    const lifted = await world.staff('delete', `/v1/data-subjects/${contactId}/restriction`);
    expect(lifted.json).toEqual({ subjectId: contactId, portalUserIds: [userId], restricted: false });
    expect((await typesOf()).filter((type) => type.startsWith('Processing'))).toEqual([
      'ProcessingRestricted',
      'ProcessingRestrictionLifted',
    ]);
    expect((await app.eventStore.readStream(`dataSubject-${contactId}`)).map((e) => e.type)).toEqual([
      'DataSubjectRestricted',
      'DataSubjectRestrictionLifted',
    ]);
  });

  it('retention erases sign-in records older than RETENTION_DAYS everywhere, and keeps newer ones', async () => {
    const portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
    const { contactId } = await newContact();
    const user = await world.createPortalUser(contactId, portal);
    const now = new Date();
    const days = app.config.retentionDays ?? 180;
    const old = new Date(now.getTime() - (days + 2) * 86_400_000).toISOString();
    const recent = new Date(now.getTime() - (days - 2) * 86_400_000).toISOString();
    // Sign-ins as the service records them, at times the clock put in the past.
    for (const [at, ip, type] of [
      [old, '198.51.100.17', 'PortalUserLoggedIn'],
      [old, '198.51.100.18', 'PortalUserLoginFailed'],
      [recent, '198.51.100.19', 'PortalUserLoggedIn'],
    ] as const) {
      const data =
        type === 'PortalUserLoggedIn'
          ? { portalId: portal.id, sessionId: randomUUID(), ip, userAgent: `Agent ${ip}`, at }
          : { portalId: portal.id, reason: 'bad_password', ip, userAgent: `Agent ${ip}`, at };
      await app.eventStore.append(
        `portalUser-${user.id}`,
        [
          {
            id: randomUUID(),
            type,
            data,
            metadata: { actor: SYSTEM_ACTOR, correlationId: randomUUID(), causationId: null, timestamp: at },
          },
        ],
        'any',
      );
    }
    const lines: string[] = [];
    const report = await runSignInRetention({
      eventStore: app.eventStore,
      retentionDays: days,
      now: () => now,
      log: (fields, message) => lines.push(`${message} ${JSON.stringify(fields)}`),
    });
    expect(report?.keysDestroyed).toBeGreaterThanOrEqual(1);
    expect(lines.join('\n')).toContain('sign-in retention done');
    expect(lines.join('\n')).not.toContain('198.51.100');

    // The log reads "[erased]" for the old records, replays included; the recent and today's stay.
    const signIns = (await app.eventStore.readStream(`portalUser-${user.id}`)).filter((e) =>
      ['PortalUserLoggedIn', 'PortalUserLoginFailed'].includes(e.type),
    );
    const byAt = signIns.map((e) => [
      e.data.at === old ? 'old' : e.data.at === recent ? 'recent' : 'today',
      e.data.ip,
    ]);
    expect(byAt.filter(([when]) => when === 'old').map(([, ip]) => ip)).toEqual(['[erased]', '[erased]']);
    expect(byAt.filter(([when]) => when === 'recent').map(([, ip]) => ip)).toEqual(['198.51.100.19']);
    expect(byAt.filter(([when]) => when === 'today').every(([, ip]) => ip !== '[erased]')).toBe(true);

    // The login history (patched by the projector) says the same.
    await world.sync();
    const history = await world.staff('get', `/v1/portal-users/${user.id}/login-history?perPage=100`);
    const shown = history.json.items.map((e: Record<string, unknown>) => [e.at, e.ip, e.userAgent]);
    expect(shown.filter(([at]: unknown[]) => at === old)).toEqual([
      [old, '[erased]', '[erased]'],
      [old, '[erased]', '[erased]'],
    ]);
    expect(shown.filter(([at]: unknown[]) => at === recent)).toEqual([
      [recent, '198.51.100.19', 'Agent 198.51.100.19'],
    ]);
    expect(JSON.stringify(history.json)).not.toMatch(/198\.51\.100\.1[78]/);

    // Again: nothing left to destroy.
    const again = await runSignInRetention({
      eventStore: app.eventStore,
      retentionDays: days,
      now: () => now,
      log: () => undefined,
    });
    expect(again?.keysDestroyed).toBe(0);
  });
});
