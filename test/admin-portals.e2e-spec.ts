import { randomUUID } from 'node:crypto';
import { E2E_STORES, startTestApp, type ApiResponse, type TestApp } from './support';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Portals, portal roles and entity types as an admin manages them, through HTTP only. Reads carry
 * the last command's X-Consistency-Token, as a client wanting read-your-writes would.
 */
describe.each(E2E_STORES)('admin: portals, portal roles, entity types (%s store)', (store) => {
  let app: TestApp;
  let admin: string;
  let agent: string;
  let auditor: string;
  let position = -1;
  let seq = 0;

  const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 7)}`;

  async function call(
    method: Method,
    path: string,
    body?: unknown,
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers = { ...options.headers };
    if (method === 'get' && position >= 0) headers['x-consistency-token'] = String(position);
    const sent = { token: options.token ?? admin, headers };
    const res =
      method === 'get' || method === 'delete'
        ? await app.http[method](path, sent)
        : await app.http[method](path, body, sent);
    const token = res.headers.get('x-consistency-token');
    if (token !== null) position = Math.max(position, Number(token));
    return res;
  }

  async function staffToken(role: 'agent' | 'auditor'): Promise<string> {
    const email = `${unique(role)}@staff.example.org`;
    const password = 'Staff-password-1!';
    const created = await call('post', '/v1/staff-users', { email, name: role, password, role });
    expect(created.status).toBe(201);
    const login = await app.http.post('/v1/auth/staff/login', { email, password });
    expect(login.status).toBe(200);
    return login.json.accessToken as string;
  }

  async function createRole(name = unique('role')): Promise<string> {
    const res = await call('post', '/v1/portal-roles', {
      name,
      scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
      fields: { Case: { internalNotes: { read: 'no', edit: 'no' } } },
    });
    expect(res.status).toBe(201);
    return res.json.id as string;
  }

  async function createPortal(body: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    const slug = unique('portal');
    const res = await call('post', '/v1/portals', { name: `Portal ${slug}`, slug, ...body });
    expect(res.status).toBe(201);
    return { id: res.json.id as string, slug };
  }

  /** Asserts that the request appended nothing to the event store. */
  async function appendsNothing(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const before = await app.eventStore.headPosition();
    const res = await request();
    expect(await app.eventStore.headPosition()).toBe(before);
    return res;
  }

  beforeAll(async () => {
    app = await startTestApp({ store });
    admin = await app.adminToken();
    agent = await staffToken('agent');
    auditor = await staffToken('auditor');
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('create', () => {
    it('creates a role and a portal with it, answering { id, slug, url }', async () => {
      const roleId = await createRole('Customer support');
      const slug = unique('customers');
      const res = await call('post', '/v1/portals', {
        name: 'Customer portal',
        slug,
        isActive: true,
        roleIds: [roleId],
        tabList: ['Case', 'KnowledgeBaseArticle'],
        quickCreateList: ['Case'],
        dashboardLayout: [{ dashlet: 'OpenCasesByPriority' }],
        customUrl: null,
        recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
        settings: { language: 'en_US', timeZone: 'UTC', tokenLifetimeMinutes: 60, maxUsers: null },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-consistency-token')).toMatch(/^\d+$/);
      expect(res.json).toEqual({
        id: expect.any(String),
        slug,
        url: `${app.config.publicUrl}/portal/${slug}`,
      });

      const portal = await call('get', `/v1/portals/${res.json.id}`);
      expect(portal.status).toBe(200);
      expect(portal.headers.get('etag')).toBe(`"${portal.json.revision}"`);
      expect(portal.json).toMatchObject({
        id: res.json.id,
        name: 'Customer portal',
        slug,
        isActive: true,
        isDefault: false,
        roleIds: [roleId],
        tabList: ['Case', 'KnowledgeBaseArticle'],
        recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
      });
      const role = await call('get', `/v1/portal-roles/${roleId}`);
      expect(role.status).toBe(200);
      expect(role.json.scopes.Case.read).toBe('account');
    });

    it('refuses malformed bodies with 400 and the path of each wrong field, appending nothing', async () => {
      const role = await appendsNothing(() =>
        call('post', '/v1/portal-roles', { name: 'x', scopes: { Case: { read: 'everything' } }, extra: 1 }),
      );
      expect(role.status).toBe(400);
      expect(role.headers.get('content-type')).toContain('application/problem+json');
      const rolePaths = (role.json.errors as { path: string }[]).map((e) => e.path);
      expect(rolePaths).toEqual(expect.arrayContaining(['/scopes/Case/read', '']));

      const portal = await appendsNothing(() =>
        call('post', '/v1/portals', { name: 7, slug: 'ok-slug', settings: { maxUsers: 'many' } }),
      );
      expect(portal.status).toBe(400);
      const portalPaths = (portal.json.errors as { path: string }[]).map((e) => e.path);
      expect(portalPaths).toEqual(expect.arrayContaining(['/name', '/settings/maxUsers']));

      const broken = await appendsNothing(() =>
        call('post', '/v1/portals', '{"name": "x",', { headers: { 'content-type': 'application/json' } }),
      );
      expect(broken.status).toBe(400);
    });

    it('refuses what breaks a domain rule with 422, appending nothing', async () => {
      const zone = await appendsNothing(() =>
        call('post', '/v1/portals', {
          name: 'Zone',
          slug: unique('zone'),
          settings: { timeZone: 'Mars/Olympus' },
        }),
      );
      expect(zone.status).toBe(422);
      expect(zone.json.errors).toEqual([{ path: 'settings.timeZone', message: expect.any(String) }]);

      const unknownRole = await appendsNothing(() =>
        call('post', '/v1/portals', { name: 'Roles', slug: unique('roles'), roleIds: [randomUUID()] }),
      );
      expect(unknownRole.status).toBe(422);
      expect(unknownRole.json.type).toMatch(/role_not_found$/);
      expect(unknownRole.json.errors).toEqual([{ path: '/roleIds/0', message: 'no such role' }]);

      const uuidSlug = await appendsNothing(() =>
        call('post', '/v1/portals', { name: 'Id', slug: randomUUID() }),
      );
      expect(uuidSlug.status).toBe(422);
    });
  });

  describe('slugs', () => {
    it('answers 409 slug_taken for a slug in use, whatever its case', async () => {
      const { slug } = await createPortal();
      const again = await appendsNothing(() => call('post', '/v1/portals', { name: 'Again', slug }));
      expect(again.status).toBe(409);
      expect(again.json.type).toMatch(/slug_taken$/);
    });

    it('lets exactly one of 10 parallel creates of one slug win', async () => {
      const slug = unique('race');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => call('post', '/v1/portals', { name: `Race ${i}`, slug })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, ...Array(9).fill(409)]);
      expect(answers.filter((a) => a.status === 409).every((a) => /slug_taken$/.test(a.json.type))).toBe(
        true,
      );
      const created = (await app.eventStore.readAll({ filter: { eventTypes: ['PortalCreated'] } })).filter(
        (e) => e.data.slug === slug,
      );
      expect(created).toHaveLength(1);
    });

    it('moves the reservation on a slug change: the old slug is free again, the new one taken', async () => {
      const { id, slug } = await createPortal();
      const newSlug = unique('renamed');
      const patched = await call('patch', `/v1/portals/${id}`, { slug: newSlug });
      expect(patched.status).toBe(200);
      expect(patched.json).toMatchObject({
        id,
        slug: newSlug,
        url: `${app.config.publicUrl}/portal/${newSlug}`,
      });
      expect((await call('post', '/v1/portals', { name: 'Takes old', slug })).status).toBe(201);
      expect((await call('post', '/v1/portals', { name: 'Takes new', slug: newSlug })).status).toBe(409);
      const portal = await call('get', `/v1/portals/${id}`);
      expect(portal.json).toMatchObject({ slug: newSlug, url: `${app.config.publicUrl}/portal/${newSlug}` });
    });
  });

  describe('default portal', () => {
    it('keeps at most one default: making another default unsets the old one', async () => {
      const first = await createPortal({ isDefault: true });
      const second = await createPortal({ isDefault: true });
      const defaults = await call('get', '/v1/portals?filter[isDefault]=true');
      expect(defaults.status).toBe(200);
      expect(defaults.json.items.map((p: { id: string }) => p.id)).toEqual([second.id]);

      const unset = (await app.eventStore.readStream(`portal-${first.id}`)).filter(
        (e) => e.type === 'PortalDefaultUnset',
      );
      expect(unset.map((e) => e.data)).toEqual([{ portalId: first.id, replacedBy: second.id }]);

      const back = await call('patch', `/v1/portals/${first.id}`, { isDefault: true });
      expect(back.status).toBe(200);
      const after = await call('get', '/v1/portals?filter[isDefault]=true');
      expect(after.json.items.map((p: { id: string }) => p.id)).toEqual([first.id]);
      expect((await call('get', `/v1/portals/${second.id}`)).json.isDefault).toBe(false);
    });
  });

  describe('PATCH', () => {
    it('answers 412 for a stale If-Match and appends nothing; a current one updates', async () => {
      const { id } = await createPortal();
      const current = await call('get', `/v1/portals/${id}`);
      const etag = current.headers.get('etag') as string;
      const first = await call(
        'patch',
        `/v1/portals/${id}`,
        { name: 'Renamed once' },
        { headers: { 'if-match': etag } },
      );
      expect(first.status).toBe(200);
      const newEtag = first.headers.get('etag');
      expect(newEtag).not.toBe(etag);

      const stale = await appendsNothing(() =>
        call('patch', `/v1/portals/${id}`, { name: 'Lost update' }, { headers: { 'if-match': etag } }),
      );
      expect(stale.status).toBe(412);

      const fresh = await call(
        'patch',
        `/v1/portals/${id}`,
        { isActive: false, settings: { maxUsers: 5 } },
        { headers: { 'if-match': newEtag as string } },
      );
      expect(fresh.status).toBe(200);
      const portal = await call('get', `/v1/portals/${id}`);
      expect(portal.json).toMatchObject({ name: 'Renamed once', isActive: false, settings: { maxUsers: 5 } });
      expect(portal.headers.get('etag')).toBe(fresh.headers.get('etag'));
    });

    it('changes nothing and appends nothing when nothing differs; 404 for an unknown portal', async () => {
      const { id, slug } = await createPortal();
      const same = await appendsNothing(() => call('patch', `/v1/portals/${id}`, { slug, isActive: true }));
      expect(same.status).toBe(200);
      const missing = await appendsNothing(() => call('patch', `/v1/portals/${randomUUID()}`, { name: 'x' }));
      expect(missing.status).toBe(404);
    });
  });

  describe('portal roles', () => {
    it('assigns and unassigns roles to a portal (RoleAssigned / RoleUnassigned)', async () => {
      const roleId = await createRole();
      const { id } = await createPortal();
      expect((await call('post', `/v1/portals/${id}/roles`, { roleId })).status).toBe(204);
      expect((await call('get', `/v1/portals/${id}`)).json.roleIds).toEqual([roleId]);
      const events = await app.eventStore.readStream(`portal-${id}`);
      expect(events.map((e) => e.type)).toContain('RoleAssigned');

      const unknown = await appendsNothing(() =>
        call('post', `/v1/portals/${id}/roles`, { roleId: randomUUID() }),
      );
      expect(unknown.status).toBe(422);

      expect((await call('delete', `/v1/portals/${id}/roles/${roleId}`)).status).toBe(204);
      expect((await call('get', `/v1/portals/${id}`)).json.roleIds).toEqual([]);
    });

    it('updates, lists and deletes roles; a deleted role is gone and cannot be assigned', async () => {
      const name = unique('Editable');
      const roleId = await createRole(name);
      const role = await call('get', `/v1/portal-roles/${roleId}`);
      const patched = await call(
        'patch',
        `/v1/portal-roles/${roleId}`,
        { scopes: { Case: { read: 'own' } } },
        { headers: { 'if-match': role.headers.get('etag') as string } },
      );
      expect(patched.status).toBe(200);
      const stale = await appendsNothing(() =>
        call(
          'patch',
          `/v1/portal-roles/${roleId}`,
          { name: 'Too late' },
          { headers: { 'if-match': role.headers.get('etag') as string } },
        ),
      );
      expect(stale.status).toBe(412);
      expect((await call('get', `/v1/portal-roles/${roleId}`)).json.scopes).toEqual({
        Case: { read: 'own' },
      });

      const listed = await call('get', `/v1/portal-roles?filter[name]=${name}`);
      expect(listed.json.items.map((r: { id: string }) => r.id)).toEqual([roleId]);

      expect((await call('delete', `/v1/portal-roles/${roleId}`)).status).toBe(204);
      expect((await call('delete', `/v1/portal-roles/${roleId}`)).status).toBe(204);
      expect((await call('get', `/v1/portal-roles/${roleId}`)).status).toBe(404);
      expect((await call('get', `/v1/portal-roles?filter[name]=${name}`)).json.total).toBe(0);
      const { id } = await createPortal();
      expect((await call('post', `/v1/portals/${id}/roles`, { roleId })).status).toBe(422);
    });
  });

  describe('lists', () => {
    it('filters portals by isActive and sorts by name', async () => {
      const tag = unique('sort');
      await createPortal({ name: `${tag} b`, isActive: false });
      await createPortal({ name: `${tag} a`, isActive: false });
      const inactive = await call(
        'get',
        '/v1/portals?filter[isActive]=false&sort=name&order=desc&perPage=100',
      );
      expect(inactive.status).toBe(200);
      const names = (inactive.json.items as { name: string }[])
        .map((p) => p.name)
        .filter((n) => n.startsWith(tag));
      expect(names).toEqual([`${tag} b`, `${tag} a`]);
      expect(inactive.json).toMatchObject({ page: 1, perPage: 100 });
      expect((inactive.json.items as { isActive: boolean }[]).every((p) => !p.isActive)).toBe(true);
      expect((await call('get', '/v1/portals?sort=colour')).status).toBe(400);
    });
  });

  describe('idempotency', () => {
    it('replays the same key and body without appending; refuses the key with another body', async () => {
      const key = randomUUID();
      const body = { name: unique('Idempotent'), scopes: { Case: { read: 'all' } } };
      const first = await call('post', '/v1/portal-roles', body, { headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      const replay = await appendsNothing(() =>
        call('post', '/v1/portal-roles', body, { headers: { 'idempotency-key': key } }),
      );
      expect(replay.status).toBe(201);
      expect(replay.json).toEqual(first.json);
      expect(replay.headers.get('x-consistency-token')).toBe(first.headers.get('x-consistency-token'));

      const other = await appendsNothing(() =>
        call('post', '/v1/portal-roles', { ...body, name: 'Other' }, { headers: { 'idempotency-key': key } }),
      );
      expect(other.status).toBe(409);

      const portalKey = randomUUID();
      const portalBody = { name: 'Idempotent portal', slug: unique('idem') };
      const created = await call('post', '/v1/portals', portalBody, {
        headers: { 'idempotency-key': portalKey },
      });
      expect(created.status).toBe(201);
      const again = await appendsNothing(() =>
        call('post', '/v1/portals', portalBody, { headers: { 'idempotency-key': portalKey } }),
      );
      expect(again.status).toBe(201);
      expect(again.json).toEqual(created.json);
    });
  });

  describe('entity types', () => {
    it('defines a custom type, refuses its name in another case, and lists it beside the built-ins', async () => {
      const name = `Invoice${seq + 1}X${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
      const res = await call('post', '/v1/entity-types', {
        name,
        fields: [
          { name: 'number', type: 'string', required: true },
          { name: 'state', type: 'enum', options: ['Open', 'Paid'] },
        ],
        links: [
          { name: 'account', entityType: 'Account' },
          { name: 'contacts', entityType: 'Contact', many: true },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ id: name, name });

      const clash = await appendsNothing(() =>
        call('post', '/v1/entity-types', { name: name.toUpperCase() }),
      );
      expect(clash.status).toBe(409);
      const builtIn = await appendsNothing(() => call('post', '/v1/entity-types', { name: 'Case' }));
      expect(builtIn.status).toBe(409);
      const invalid = await appendsNothing(() =>
        call('post', '/v1/entity-types', {
          name: 'Gadget',
          links: [{ name: 'owner', entityType: 'Nowhere' }],
        }),
      );
      expect(invalid.status).toBe(422);
      expect(invalid.json.errors).toEqual([{ path: 'links[0].entityType', message: expect.any(String) }]);
      const malformed = await appendsNothing(() =>
        call('post', '/v1/entity-types', { name: 'Gadget', fields: [{ name: 'x', type: 'blob' }] }),
      );
      expect(malformed.status).toBe(400);
      expect(malformed.json.errors[0].path).toBe('/fields/0/type');

      const one = await call('get', `/v1/entity-types/${name}`);
      expect(one.status).toBe(200);
      expect(one.json).toMatchObject({
        id: name,
        builtIn: false,
        accountLink: 'account',
        contactLink: 'contacts',
      });
      const list = await call('get', '/v1/entity-types?perPage=100');
      const names = (list.json.items as { name: string }[]).map((t) => t.name);
      expect(names).toEqual(
        expect.arrayContaining(['Account', 'Contact', 'Case', 'KnowledgeBaseArticle', 'Document', name]),
      );
      expect((await call('get', '/v1/entity-types/Nothing')).status).toBe(404);
    });
  });

  describe('only admins', () => {
    it.each([
      ['post', '/v1/portals', { name: 'x', slug: 'agent-slug' }],
      ['get', '/v1/portals', undefined],
      ['post', '/v1/portal-roles', { name: 'x' }],
      ['get', '/v1/portal-roles', undefined],
      ['post', '/v1/entity-types', { name: 'AgentType' }],
      ['get', '/v1/entity-types', undefined],
    ] as const)('refuses agents and auditors: %s %s', async (method, path, body) => {
      for (const token of [agent, auditor]) {
        const res = await appendsNothing(() => call(method, path, body, { token }));
        expect(res.status).toBe(403);
      }
      const anonymous = method === 'get' ? await app.http.get(path) : await app.http.post(path, body);
      expect(anonymous.status).toBe(401);
    });
  });
});
