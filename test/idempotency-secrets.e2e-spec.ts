import { createHash } from 'node:crypto';
import { IDEMPOTENCY_COLLECTION } from '../apps/api/src/http/idempotency.interceptor';
import { startTestApp, type TestApp } from './support';

// Idempotency-Key on requests that carry secrets: the stored answers must hold no password and no
// access token in any readable form, and a login still logs in each time it is asked.
describe('Idempotency-Key and secrets', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function storedAnswers(): Promise<string> {
    const { items } = await app.readStore.find(IDEMPOTENCY_COLLECTION, { limit: 1_000 });
    return JSON.stringify(items);
  }

  it('never stores a login answer: the token is not kept, and the same key logs in again', async () => {
    const headers = { 'idempotency-key': 'login-key-1' };
    const body = { email: app.admin.email, password: app.admin.password };
    const first = await app.http.post('/v1/auth/staff/login', body, { headers });
    const second = await app.http.post('/v1/auth/staff/login', body, { headers });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    for (const answer of [first, second]) {
      const me = await app.http.get('/v1/portals', { token: answer.json.accessToken });
      expect(me.status).toBe(200);
    }
    const stored = await storedAnswers();
    expect(stored).not.toContain(first.json.accessToken);
    expect(stored).not.toContain(second.json.accessToken);
  });

  it('keeps a request holding a password only as a keyed fingerprint, and still replays its answer', async () => {
    const token = await app.adminToken();
    const password = 'Agent-password-7!';
    const body = { email: 'agent.idem@example.com', name: 'Agent Idem', password, role: 'agent' };
    const headers = { 'idempotency-key': 'create-agent-1' };
    const created = await app.http.post('/v1/staff-users', body, { token, headers });
    expect(created.status).toBe(201);
    const replayed = await app.http.post('/v1/staff-users', body, { token, headers });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.json).toEqual(created.json);
    // The same key with another password is another request.
    const other = await app.http.post(
      '/v1/staff-users',
      { ...body, password: `${password}x` },
      { token, headers },
    );
    expect(other.status).toBe(409);

    const stored = await storedAnswers();
    expect(stored).not.toContain(password);
    // A plain SHA-256 of the request could be guessed offline, password by password.
    const canonical = JSON.stringify(
      Object.fromEntries(Object.entries(body).sort(([a], [b]) => (a < b ? -1 : 1))),
    );
    const plain = createHash('sha256').update(`POST /v1/staff-users\u0000${canonical}`).digest('hex');
    expect(stored).not.toContain(plain);
  });
});
