/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON */
import { E2E_STORES, startTestApp, type TestApp } from './support';
import { PortalWorld } from './portal-world';

// The seeds' EspoCRM journey, portal side: a customer of account A in a portal whose role lets
// them create cases, read and comment on their account's cases, never edit or delete them, and
// read their account's knowledge base.
describe.each(E2E_STORES)('a portal user in their portal (%s store)', (store) => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let roleId: string;
  let agent: { id: string; token: string };
  let customer: { id: string; token: string };
  const ids: Record<string, string> = {};
  const base = () => `/v1/portals/${portal.slug}`;
  const asCustomer = (method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown) =>
    world.call(method, `${base()}${path}`, customer.token, body);

  const role = {
    scopes: {
      Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' },
      KnowledgeBaseArticle: { create: 'no', read: 'account', edit: 'no', delete: 'no' },
    },
    fields: { Case: { internalNotes: { read: 'no', edit: 'no' }, status: { read: 'yes', edit: 'no' } } },
  };

  beforeAll(async () => {
    app = await startTestApp({ store });
    world = await PortalWorld.start(app);
    agent = await world.createStaffUser('agent');
    ids.accountA = await world.createRecord('Account', { name: 'Acme' });
    ids.accountB = await world.createRecord('Account', { name: 'Globex' });
    ids.contactA = await world.createRecord('Contact', {
      firstName: 'Ada',
      lastName: 'Acme',
      email: `ada-${world.unique()}@acme.test`,
      accountId: ids.accountA,
    });
    roleId = await world.createRole({ name: 'Customer support', ...role });
    portal = await world.createPortal({
      roleIds: [roleId],
      tabList: ['Case', 'KnowledgeBaseArticle'],
      quickCreateList: ['Case'],
      defaultCaseAssigneeId: agent.id,
      dashboardLayout: [
        { dashlet: 'OpenCasesByPriority' },
        { dashlet: 'RecentCases' },
        { dashlet: 'RecentKnowledgeBaseArticles' },
        { dashlet: 'CaseResolutionTimeByPriority' },
        { dashlet: 'Announcement', options: { text: 'Maintenance on Sunday' } },
      ],
    });
    ids.caseA = await world.createRecord('Case', {
      name: 'Printer on fire',
      accountId: ids.accountA,
      priority: 'High',
      internalNotes: 'customer is difficult',
    });
    ids.caseAClosed = await world.createRecord('Case', {
      name: 'Old question',
      accountId: ids.accountA,
      status: 'Closed',
      priority: 'Low',
    });
    ids.caseAInternal = await world.createRecord('Case', {
      name: 'Internal follow-up',
      accountId: ids.accountA,
      isInternal: true,
    });
    ids.caseB = await world.createRecord('Case', { name: 'Globex outage', accountId: ids.accountB });
    ids.kbPortalWide = await world.createRecord('KnowledgeBaseArticle', {
      name: 'How to reset',
      status: 'Published',
      portalIds: [portal.id],
    });
    ids.kbAccountA = await world.createRecord('KnowledgeBaseArticle', {
      name: 'Acme contract',
      status: 'Published',
      portalIds: [portal.id],
      accountIds: [ids.accountA],
    });
    ids.kbAccountB = await world.createRecord('KnowledgeBaseArticle', {
      name: 'Globex contract',
      status: 'Published',
      portalIds: [portal.id],
      accountIds: [ids.accountB],
    });
    ids.kbDraft = await world.createRecord('KnowledgeBaseArticle', {
      name: 'Unfinished',
      status: 'Draft',
      portalIds: [portal.id],
    });
    expect(
      (await world.staff('post', `/v1/records/Case/${ids.caseA}/stream`, { text: 'We are on it' })).status,
    ).toBe(201);
    expect(
      (
        await world.staff('post', `/v1/records/Case/${ids.caseA}/stream`, {
          text: 'ignore them',
          isInternal: true,
        })
      ).status,
    ).toBe(201);
    customer = await world.createPortalUser(ids.contactA, portal);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists only the cases of their account, without hidden or internal fields', async () => {
    const res = await asCustomer('get', '/records/Case');
    expect(res.status).toBe(200);
    const seen = (res.json.items as { id: string }[]).map((c) => c.id).sort();
    expect(seen).toEqual([ids.caseA, ids.caseAClosed].sort());
    expect(res.json).toMatchObject({ total: 2, page: 1, perPage: 20 });
    for (const item of res.json.items) {
      expect(item).not.toHaveProperty('internalNotes');
      expect(item).not.toHaveProperty('isInternal');
      expect(item).not.toHaveProperty('createdBy');
      expect(item).toHaveProperty('status');
    }
  });

  it('refuses to filter or sort by a field they cannot read', async () => {
    expect((await asCustomer('get', '/records/Case?filter[internalNotes]=x')).status).toBe(400);
    expect((await asCustomer('get', '/records/Case?sort=internalNotes')).status).toBe(400);
    const high = await asCustomer('get', '/records/Case?filter[priority]=High');
    expect((high.json.items as { id: string }[]).map((c) => c.id)).toEqual([ids.caseA]);
  });

  it('reads one case of their account with an ETag, and gets 404 for anything else', async () => {
    const res = await asCustomer('get', `/records/Case/${ids.caseA}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"\d+"$/);
    expect(res.json).toMatchObject({ id: ids.caseA, name: 'Printer on fire', priority: 'High' });
    expect(res.json).not.toHaveProperty('internalNotes');
    for (const id of [ids.caseB, ids.caseAInternal, '6f1c1e8e-3d7b-4c1a-9c51-1b2b3c4d5e6f']) {
      const other = await asCustomer('get', `/records/Case/${id}`);
      expect([id, other.status, other.json.type]).toEqual([id, 404, 'urn:portal:problem:record_not_found']);
    }
    expect((await asCustomer('get', `/records/Account/${ids.accountA}`)).status).toBe(404);
  });

  it('never edits, deletes or comments outside their scope: another account is 404, their own 403', async () => {
    for (const [method, path, body] of [
      ['patch', `/records/Case/${ids.caseB}`, { name: 'x' }],
      ['delete', `/records/Case/${ids.caseB}`, undefined],
      ['get', `/records/Case/${ids.caseB}/stream`, undefined],
      ['post', `/records/Case/${ids.caseB}/stream`, { text: 'hello?' }],
      ['post', `/records/Case/${ids.caseAInternal}/stream`, { text: 'hello?' }],
    ] as const) {
      expect([method, path, (await asCustomer(method, path, body)).status]).toEqual([method, path, 404]);
    }
    const edit = await asCustomer('patch', `/records/Case/${ids.caseA}`, { name: 'Printer fixed' });
    expect([edit.status, edit.json.type]).toEqual([403, 'urn:portal:problem:record_edit_forbidden']);
    const remove = await asCustomer('delete', `/records/Case/${ids.caseA}`);
    expect([remove.status, remove.json.type]).toEqual([403, 'urn:portal:problem:record_delete_forbidden']);
    const history = await world.staff('get', `/v1/records/Case/${ids.caseB}/history`);
    expect((history.json as { event: string }[]).map((h) => h.event)).toEqual(['RecordCreated']);
  });

  it('raises a case linked to their contact and account and assigned to the default assignee', async () => {
    const res = await asCustomer('post', '/records/Case', {
      name: 'Cannot log in',
      description: 'Since Monday',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-consistency-token')).toMatch(/^\d+$/);
    expect(res.json).toMatchObject({
      name: 'Cannot log in',
      status: 'New',
      contactId: ids.contactA,
      accountId: ids.accountA,
      assignedUserId: agent.id,
    });
    expect(res.json).not.toHaveProperty('isInternal');
    ids.created = res.json.id;

    const listed = await asCustomer('get', '/records/Case');
    expect((listed.json.items as { id: string }[]).map((c) => c.id)).toContain(ids.created);

    const staffView = await world.call('get', `/v1/records/Case/${ids.created}`, agent.token);
    expect(staffView.json).toMatchObject({
      createdBy: { type: 'portalUser', id: customer.id, portalId: portal.id },
      modifiedBy: { type: 'portalUser', id: customer.id },
      isInternal: false,
    });
    const byCustomers = await world.staff('get', '/v1/records/Case?filter[createdBy.type]=portalUser');
    expect((byCustomers.json.items as { id: string }[]).map((c) => c.id)).toEqual([ids.created]);
    const history = await world.staff('get', `/v1/records/Case/${ids.created}/history`);
    expect(history.json[0]).toMatchObject({
      event: 'CaseCreatedByPortalUser',
      actor: { type: 'portalUser', id: customer.id, portalId: portal.id },
      changes: { name: { from: null, to: 'Cannot log in' }, contactId: { from: null, to: ids.contactA } },
    });
  });

  it('refuses fields the user may not set on a new case, naming them', async () => {
    const res = await asCustomer('post', '/records/Case', {
      name: 'Sneaky',
      internalNotes: 'x',
      assignedUserId: agent.id,
    });
    expect(res.status).toBe(403);
    expect(res.json.type).toBe('urn:portal:problem:field_read_only');
    expect((res.json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'assignedUserId',
      'internalNotes',
    ]);
    const foreign = await asCustomer('post', '/records/Case', { name: 'Sneaky', accountId: ids.accountB });
    expect(foreign.status).toBe(403);
    expect((await asCustomer('post', '/records/KnowledgeBaseArticle', { name: 'Mine' })).status).toBe(403);
    expect((await asCustomer('post', '/records/Case', { name: 'Bad', priority: 'Whenever' })).status).toBe(
      422,
    );
    expect((await asCustomer('post', '/records/Case', ['not', 'an', 'object'])).status).toBe(400);
  });

  it('comments publicly and never sees internal comments', async () => {
    const posted = await asCustomer('post', `/records/Case/${ids.caseA}/stream`, { text: 'Any news?' });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({ text: 'Any news?', createdBy: { type: 'portalUser' } });
    expect(
      (await asCustomer('post', `/records/Case/${ids.caseA}/stream`, { text: 'x', isInternal: true })).status,
    ).toBe(400);
    expect((await asCustomer('post', `/records/Case/${ids.caseA}/stream`, { text: '  ' })).status).toBe(422);

    const stream = await asCustomer('get', `/records/Case/${ids.caseA}/stream`);
    expect(stream.status).toBe(200);
    expect((stream.json.items as { text: string }[]).map((c) => c.text)).toEqual([
      'We are on it',
      'Any news?',
    ]);
    expect(JSON.stringify(stream.json)).not.toContain('ignore them');
    const staffStream = await world.staff('get', `/v1/records/Case/${ids.caseA}/stream`);
    expect(staffStream.json.total).toBe(3);
    const staffHistory = await world.staff('get', `/v1/records/Case/${ids.caseA}/history`);
    const comment = (staffHistory.json as { event: string; actor: { type: string } }[]).at(-1);
    expect(comment).toMatchObject({
      event: 'CommentPosted',
      actor: { type: 'portalUser', id: customer.id },
      changes: {},
    });
  });

  it('reads published articles of the portal: portal-wide ones and their account’s', async () => {
    const res = await asCustomer('get', '/records/KnowledgeBaseArticle');
    expect((res.json.items as { id: string }[]).map((a) => a.id).sort()).toEqual(
      [ids.kbPortalWide, ids.kbAccountA].sort(),
    );
    expect((await asCustomer('get', `/records/KnowledgeBaseArticle/${ids.kbDraft}`)).status).toBe(404);
    expect((await asCustomer('get', `/records/KnowledgeBaseArticle/${ids.kbAccountB}`)).status).toBe(404);
  });

  it('answers 404 for a type the portal does not show, listing included', async () => {
    expect((await asCustomer('get', '/records/Account')).status).toBe(404);
    expect((await asCustomer('get', '/records/NoSuchType')).status).toBe(404);
    expect((await asCustomer('get', '/records/lowercase')).status).toBe(404);
  });

  it('shows who they are, the portal and their merged permissions; lets them edit their own profile only', async () => {
    const me = await asCustomer('get', '/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      id: customer.id,
      firstName: 'Ada',
      lastName: 'Acme',
      contactId: ids.contactA,
      accountIds: [ids.accountA],
      portal: {
        id: portal.id,
        slug: portal.slug,
        tabList: ['Case', 'KnowledgeBaseArticle'],
        quickCreateList: ['Case'],
      },
      permissions: {
        scopes: { Case: { read: { level: 'account' }, edit: { level: 'no' }, create: { level: 'yes' } } },
        fields: { Case: { internalNotes: { read: 'no', edit: 'no' }, status: { read: 'yes', edit: 'no' } } },
      },
    });
    const patched = await asCustomer('patch', '/me', { phone: '+1 555 0100', firstName: 'Adeline' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ phone: '+1 555 0100', firstName: 'Adeline' });
    expect((await asCustomer('get', '/me')).json).toMatchObject({
      phone: '+1 555 0100',
      firstName: 'Adeline',
    });
    const refused = await asCustomer('patch', '/me', { accountIds: [ids.accountB] });
    expect(refused.status).toBe(403);
    expect((await asCustomer('get', '/me')).json.accountIds).toEqual([ids.accountA]);
  });

  it('shows the portal’s dashlets with data scoped to what they may read', async () => {
    const res = await asCustomer('get', '/dashboard');
    expect(res.status).toBe(200);
    const data = Object.fromEntries(
      (res.json.dashlets as { dashlet: string; data: Record<string, any> }[]).map((d) => [d.dashlet, d.data]),
    );
    // Open cases of account A: the high one and the one the customer raised (Normal); the closed,
    // the internal and account B's are not counted.
    expect(data.OpenCasesByPriority).toEqual({
      total: 2,
      byPriority: { Low: 0, Normal: 1, High: 1, Urgent: 0 },
    });
    expect((data.RecentCases.items as { id: string }[]).map((c) => c.id).sort()).toEqual(
      [ids.caseA, ids.caseAClosed, ids.created].sort(),
    );
    expect(JSON.stringify(data.RecentCases)).not.toContain('internalNotes');
    expect((data.RecentKnowledgeBaseArticles.items as { id: string }[]).length).toBe(2);
    expect(data.CaseResolutionTimeByPriority.byPriority.Low.count).toBe(1);
    expect(data.CaseResolutionTimeByPriority.sampled).toBe(1);
    expect(data.Announcement).toEqual({ title: null, text: 'Maintenance on Sunday' });
  });

  it('applies a role change and a tab-list change to the very next request', async () => {
    const wider = {
      scopes: { ...role.scopes, Case: { ...role.scopes.Case, read: 'all' } },
      fields: { Case: { status: { read: 'yes', edit: 'no' } } },
    };
    expect((await world.staff('patch', `/v1/portal-roles/${roleId}`, wider)).status).toBe(200);
    const all = await asCustomer('get', '/records/Case');
    expect((all.json.items as { id: string }[]).map((c) => c.id)).toContain(ids.caseB);
    expect((all.json.items as { id: string }[]).map((c) => c.id)).not.toContain(ids.caseAInternal);
    expect((await asCustomer('get', `/records/Case/${ids.caseA}`)).json.internalNotes).toBe(
      'customer is difficult',
    );

    expect((await world.staff('patch', `/v1/portal-roles/${roleId}`, role)).status).toBe(200);
    expect((await asCustomer('get', `/records/Case/${ids.caseB}`)).status).toBe(404);
    expect((await asCustomer('get', `/records/Case/${ids.caseA}`)).json).not.toHaveProperty('internalNotes');

    expect(
      (
        await world.staff('patch', `/v1/portals/${portal.id}`, {
          tabList: ['KnowledgeBaseArticle'],
          quickCreateList: [],
        })
      ).status,
    ).toBe(200);
    expect((await asCustomer('get', '/records/Case')).status).toBe(404);
    expect((await asCustomer('get', `/records/Case/${ids.caseA}`)).status).toBe(404);
    expect((await asCustomer('get', `/records/Case/${ids.caseA}/stream`)).status).toBe(404);
    expect((await asCustomer('post', '/records/Case', { name: 'Hidden type' })).status).toBe(403);

    expect(
      (
        await world.staff('patch', `/v1/portals/${portal.id}`, {
          tabList: ['Case', 'KnowledgeBaseArticle'],
          quickCreateList: ['Case'],
        })
      ).status,
    ).toBe(200);
    expect((await asCustomer('get', `/records/Case/${ids.caseA}`)).status).toBe(200);
  });

  it('refuses everything in an inactive portal (403) and serves it again once reactivated', async () => {
    expect((await world.staff('patch', `/v1/portals/${portal.id}`, { isActive: false })).status).toBe(200);
    await world.sync();
    expect((await asCustomer('get', '/me')).status).toBe(403);
    expect((await asCustomer('get', '/records/Case')).status).toBe(403);
    expect((await asCustomer('post', '/records/Case', { name: 'While closed' })).status).toBe(403);
    expect((await world.staff('patch', `/v1/portals/${portal.id}`, { isActive: true })).status).toBe(200);
    await world.sync();
    expect((await asCustomer('get', '/records/Case')).status).toBe(200);
  });

  it('answers 401 without a valid portal token', async () => {
    expect((await world.call('get', `${base()}/records/Case`, 'not-a-token')).status).toBe(401);
    expect((await world.call('get', `${base()}/records/Case`, world.adminToken)).status).toBe(401);
  });
});
