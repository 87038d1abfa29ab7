/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON */
import { E2E_STORES, startTestApp, type TestApp } from './support';
import { PortalWorld } from './portal-world';

// Staff (admins and agents) on /v1/records: create, read with ETag, change with If-Match, delete,
// comment, and read the full history from the event store.
describe.each(E2E_STORES)('staff records (%s store)', (store) => {
  let app: TestApp;
  let world: PortalWorld;
  let agent: { id: string; token: string };
  let accountId: string;

  const asAgent = (
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => world.call(method, path, agent.token, body, headers);
  const historyOf = async (id: string) =>
    (await world.staff('get', `/v1/records/Case/${id}/history`)).json as any[];

  beforeAll(async () => {
    app = await startTestApp({ store });
    world = await PortalWorld.start(app);
    agent = await world.createStaffUser('agent');
    accountId = await world.createRecord('Account', { name: 'Acme' });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('creates a record and answers it as the read model shows it', async () => {
    const res = await asAgent('post', '/v1/records/Case', {
      name: 'Broken',
      accountId,
      internalNotes: 'vip',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-consistency-token')).toMatch(/^\d+$/);
    const created = res.json;
    expect(created).toMatchObject({
      entityType: 'Case',
      name: 'Broken',
      accountId,
      status: 'New',
      priority: 'Normal',
      isInternal: false,
      internalNotes: 'vip',
      createdBy: { type: 'staff', id: agent.id },
      modifiedBy: { type: 'staff', id: agent.id },
      revision: 0,
    });
    expect(created.createdAt).toBe(created.modifiedAt);
    const read = await asAgent('get', `/v1/records/Case/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.json).toEqual(created);
  });

  it('creates once per Idempotency-Key', async () => {
    const body = { name: 'Only once', accountId };
    const first = await asAgent('post', '/v1/records/Case', body, { 'idempotency-key': 'case-once' });
    const again = await asAgent('post', '/v1/records/Case', body, { 'idempotency-key': 'case-once' });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json.id).toBe(first.json.id);
    const listed = await asAgent('get', '/v1/records/Case?filter[name]=Only%20once');
    expect(listed.json.total).toBe(1);
  });

  it('refuses bad bodies: 400 for JSON shapes, 422 with paths for domain rules, 404 for unknown types', async () => {
    const nested = await asAgent('post', '/v1/records/Case', { name: { first: 'x' } });
    expect(nested.status).toBe(400);
    expect(nested.json.errors[0].path).toMatch(/^\/name/);
    expect((await asAgent('post', '/v1/records/Case', 'just text')).status).toBe(400);
    const invalid = await asAgent('post', '/v1/records/Case', { priority: 'Whenever', colour: 'red' });
    expect(invalid.status).toBe(422);
    expect((invalid.json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'colour',
      'priority',
    ]);
    const missing = await asAgent('post', '/v1/records/Case', { description: 'no name' });
    expect([missing.status, missing.json.errors]).toEqual([422, [{ path: 'name', message: 'is required' }]]);
    expect((await asAgent('post', '/v1/records/Widget', { name: 'x' })).status).toBe(404);
    expect((await asAgent('get', '/v1/records/Widget')).status).toBe(404);
    expect((await asAgent('get', '/v1/records/Case/not-a-uuid')).status).toBe(400);
  });

  it('changes a record with If-Match; a stale revision is 412 and appends nothing', async () => {
    const id = (await asAgent('post', '/v1/records/Case', { name: 'Slow VPN', accountId })).json.id as string;
    const changed = await asAgent(
      'patch',
      `/v1/records/Case/${id}`,
      { status: 'Assigned', priority: 'High' },
      { 'if-match': '"0"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.json).toMatchObject({ status: 'Assigned', priority: 'High', revision: 2 });

    const stale = await asAgent(
      'patch',
      `/v1/records/Case/${id}`,
      { priority: 'Low' },
      { 'if-match': '"0"' },
    );
    expect([stale.status, stale.json.type]).toEqual([412, 'urn:portal:problem:precondition_failed']);
    expect(await historyOf(id)).toHaveLength(3);
    expect((await asAgent('get', `/v1/records/Case/${id}`)).json.priority).toBe('High');
    expect(
      (await asAgent('patch', `/v1/records/Case/${id}`, { priority: 'Low' }, { 'if-match': 'yesterday' }))
        .status,
    ).toBe(400);
  });

  it('lets exactly one of concurrent changes with the same If-Match win', async () => {
    const id = (await asAgent('post', '/v1/records/Case', { name: 'Race', accountId })).json.id as string;
    const answers = await Promise.all(
      ['Low', 'High', 'Urgent', 'Low', 'High'].map((priority) =>
        asAgent('patch', `/v1/records/Case/${id}`, { priority }, { 'if-match': '"0"' }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412]);
    expect(await historyOf(id)).toHaveLength(2);
  });

  it('keeps the full history with actors: creation from null, status changes once, comments, deletion', async () => {
    const id = (await asAgent('post', '/v1/records/Case', { name: 'Printer', accountId })).json.id as string;
    await world.staff('patch', `/v1/records/Case/${id}`, { status: 'Closed', description: 'replaced toner' });
    expect(
      (await asAgent('post', `/v1/records/Case/${id}/stream`, { text: 'done', isInternal: true })).status,
    ).toBe(201);
    expect((await asAgent('delete', `/v1/records/Case/${id}`)).status).toBe(204);

    const history = await historyOf(id);
    expect(history.map((h) => h.event)).toEqual([
      'RecordCreated',
      'RecordUpdated',
      'CaseStatusChanged',
      'CommentPosted',
      'RecordDeleted',
    ]);
    expect(history[0]).toMatchObject({
      actor: { type: 'staff', id: agent.id },
      changes: {
        name: { from: null, to: 'Printer' },
        accountId: { from: null, to: accountId },
        status: { from: null, to: 'New' },
      },
    });
    expect(history[1].changes).toEqual({ description: { from: null, to: 'replaced toner' } });
    expect(history[1].actor.type).toBe('staff');
    expect(history[1].actor.id).not.toBe(agent.id);
    expect(history[2].changes).toEqual({ status: { from: 'New', to: 'Closed' } });
    expect(history[3]).toMatchObject({ changes: {}, comment: { text: 'done', isInternal: true } });
    expect(history[4].changes).toEqual({});
    for (const entry of history) expect(Date.parse(entry.at)).not.toBeNaN();

    const gone = await asAgent('get', `/v1/records/Case/${id}`);
    expect([gone.status, gone.json.type]).toEqual([404, 'urn:portal:problem:record_deleted']);
    expect((await asAgent('patch', `/v1/records/Case/${id}`, { name: 'x' })).status).toBe(404);
    expect((await asAgent('get', `/v1/records/Case/${crypto.randomUUID()}/history`)).status).toBe(404);
  });

  it('shows staff every comment of a record, internal ones included, oldest first', async () => {
    const id = (await asAgent('post', '/v1/records/Case', { name: 'Chatty', accountId })).json.id as string;
    await asAgent('post', `/v1/records/Case/${id}/stream`, { text: 'first' });
    await asAgent('post', `/v1/records/Case/${id}/stream`, { text: 'second', isInternal: true });
    expect((await asAgent('post', `/v1/records/Case/${id}/stream`, { text: '' })).status).toBe(422);
    expect((await asAgent('post', `/v1/records/Case/${id}/stream`, { text: 'x', extra: 1 })).status).toBe(
      400,
    );
    const stream = await asAgent('get', `/v1/records/Case/${id}/stream`);
    expect(stream.json.items.map((c: any) => [c.text, c.isInternal, c.createdBy.id])).toEqual([
      ['first', false, agent.id],
      ['second', true, agent.id],
    ]);
    // A comment does not change the record: modifiedAt stays, the revision (ETag) moves on.
    const record = await asAgent('get', `/v1/records/Case/${id}`);
    expect(record.json.modifiedAt).toBe(record.json.createdAt);
    expect(record.headers.get('etag')).toBe('"2"');
  });

  it('lists live records of a type with paging, sorting and filters', async () => {
    const other = await world.createRecord('Account', { name: 'Zeta' });
    const names = ['L1', 'L2', 'L3'];
    for (const name of names)
      await world.createRecord('Case', { name, accountId: other, priority: 'Urgent' });
    const page = await asAgent(
      'get',
      `/v1/records/Case?filter[accountId]=${other}&sort=name&order=desc&perPage=2`,
    );
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 3, page: 1, perPage: 2 });
    expect(page.json.items.map((c: any) => c.name)).toEqual(['L3', 'L2']);
    const next = await asAgent(
      'get',
      `/v1/records/Case?filter[accountId]=${other}&sort=name&order=desc&perPage=2&page=2`,
    );
    expect(next.json.items.map((c: any) => c.name)).toEqual(['L1']);
    expect((await asAgent('get', '/v1/records/Case?filter[colour]=red')).status).toBe(400);
    expect((await asAgent('get', '/v1/records/Case?filter[createdBy.type]=portalUser')).json.total).toBe(0);
  });

  it('serves custom entity types once defined', async () => {
    const defined = await world.staff('post', '/v1/entity-types', {
      name: 'Project',
      fields: [{ name: 'name', type: 'string', required: true }],
      links: [{ name: 'account', entityType: 'Account' }],
    });
    expect(defined.status).toBe(201);
    const created = await asAgent('post', '/v1/records/Project', { name: 'Migration', accountId });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ entityType: 'Project', name: 'Migration', accountId });
    expect((await asAgent('get', `/v1/records/Project/${created.json.id}`)).status).toBe(200);
  });

  it('is for admins and agents only', async () => {
    const email = `auditor-${world.unique()}@staff.example.com`;
    await world.staff('post', '/v1/staff-users', {
      email,
      name: 'Auditor',
      password: 'Auditor-password-1!',
      role: 'auditor',
    });
    const login = await app.http.post('/v1/auth/staff/login', { email, password: 'Auditor-password-1!' });
    expect((await world.call('get', '/v1/records/Case', login.json.accessToken)).status).toBe(403);
    expect((await world.call('get', '/v1/records/Case', '')).status).toBe(401);
  });
});
