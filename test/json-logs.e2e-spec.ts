import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServiceLogger } from '@portal/platform';
import { parseEml, textPart } from '../libs/mailer/src/testing/parse-eml';
import { waitUntil } from '../libs/mailer/src/testing/wait-until';
import { startTestApp, type TestApp } from './support';

jest.setTimeout(120_000);

const CUSTOMER_PASSWORD = 'Customer-password-1!';

/**
 * The service's logs as an operator (and an auditor) reads them: one JSON object a line, a line per
 * request with its ids, actor, portal, route, status and duration, and never a password, an access
 * token or a one-time link's token, whichever way they came in.
 */
describe('JSON logs', () => {
  const lines: string[] = [];
  let app: TestApp;

  beforeAll(async () => {
    const log = createServiceLogger({
      level: 'debug',
      destination: { write: (line: string) => lines.push(line) },
    });
    app = await startTestApp({ mailer: true, log });
  });

  afterAll(async () => {
    await app?.close();
  });

  const entries = () => lines.flatMap((chunk) => chunk.split('\n').filter((l) => l.length > 0));

  async function invitationToken(to: string): Promise<string> {
    const outbox = join(app.config.dataDir, 'outbox');
    let token: string | undefined;
    await waitUntil(`the invitation to ${to}`, async () => {
      const names = existsSync(outbox) ? (await readdir(outbox)).filter((n) => n.endsWith('.eml')) : [];
      for (const name of names) {
        const eml = parseEml(await readFile(join(outbox, name), 'utf8'));
        if (!eml.headers.get('to')?.includes(to)) continue;
        const link = /accept-invitation\?token=([\w.~%-]+)/.exec(textPart(eml));
        if (link) token = decodeURIComponent(link[1]);
      }
      return token !== undefined;
    });
    return token!;
  }

  it('logs requests as JSON with their context and never a password, an access token or an invitation token', async () => {
    const adminToken = await app.adminToken();
    const auth = { token: adminToken, headers: { 'x-correlation-id': 'corr-json-logs-1' } };
    const portal = await app.http.post('/v1/portals', { name: 'Log portal', slug: 'log-portal' }, auth);
    expect(portal.status).toBe(201);
    const email = 'logged.customer@example.com';
    const created = await app.http.post(
      '/v1/portal-users',
      { email, firstName: 'Logged', lastName: 'Customer', portalIds: [portal.json.id], sendInvitation: true },
      auth,
    );
    expect(created.status).toBe(201);
    const token = await invitationToken(email);

    // The token in a page's query string, in a body, and a password in a body and a failed login.
    await app.http.get(`/portal/log-portal/accept-invitation?token=${encodeURIComponent(token)}`);
    const accepted = await app.http.post('/v1/portals/log-portal/auth/accept-invitation', {
      token,
      password: CUSTOMER_PASSWORD,
    });
    expect(accepted.status).toBe(200);
    const customerToken = accepted.json.accessToken as string;
    await app.http.post('/v1/portals/log-portal/auth/login', { email, password: `${CUSTOMER_PASSWORD}x` });
    expect((await app.http.get('/v1/portals/log-portal/me', { token: customerToken })).status).toBe(200);
    await app.http.get('/v1/portals/log-portal/me', { token: 'not.a.token' });

    const parsed = entries().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.length).toBe(entries().length);
    const all = lines.join('');
    for (const secret of [CUSTOMER_PASSWORD, app.admin.password, adminToken, customerToken, token]) {
      expect(all).not.toContain(secret);
    }

    const requests = parsed.filter((e) => e.msg === 'request completed');
    const created201 = requests.find((e) => e.route === '/v1/portal-users' && e.method === 'POST');
    expect(created201).toMatchObject({
      level: 30,
      status: 201,
      correlationId: 'corr-json-logs-1',
      actor: { type: 'staff' },
      reqId: expect.any(String),
      durationMs: expect.any(Number),
      time: expect.any(String),
    });
    expect(created201!.causationId).toEqual(expect.any(String));
    const me = requests.find((e) => e.route === '/v1/portals/:slug/me' && e.status === 200);
    expect(me).toMatchObject({ actor: { type: 'portalUser' }, portal: expect.any(String) });
    const refused = requests.find((e) => e.route === '/v1/portals/:slug/auth/login');
    expect(refused).toMatchObject({ status: 401, portal: 'log-portal' });
    expect(requests.map((e) => e.reqId)).toEqual([...new Set(requests.map((e) => e.reqId))]);
  });
});
