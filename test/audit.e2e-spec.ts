import { randomUUID } from 'node:crypto';
import { DEFAULT_PORTAL_SETTINGS, EMPTY_PORTAL_BRANDING } from '@portal/domain';
import { type NewEvent, type RecordedEvent, UpcasterRegistry } from '@portal/event-store';
import { runAuditVerify } from '../apps/audit/src/audit-verify';
import { KnownEventTypes } from '../apps/audit/src/known-event-types';
import { projectorReadModelCheck } from '../apps/audit/src/read-model-check';
import { createUpcasterRegistry } from '../libs/runtime/src/upcaster-registry';
import { startTestApp, type TestApp } from './support/test-app';

// The composition root's upcasters, plus one for this test: PortalRenamed v1 once said
// { oldName, newName }; v2 (current here) says { from, to }. Old events are appended straight
// to the store below and must read as v2 everywhere.
jest.mock('../libs/runtime/src/upcaster-registry', () => {
  const { UpcasterRegistry: Registry } = jest.requireActual('@portal/event-store');
  return {
    createUpcasterRegistry: () =>
      new Registry([
        {
          type: 'PortalRenamed',
          fromVersion: 1,
          upcast: (data: Record<string, unknown>) =>
            'oldName' in data ? { portalId: data.portalId, from: data.oldName, to: data.newName } : data,
        },
      ]) as UpcasterRegistry,
  };
});

const STAFF_ACTOR = { type: 'staff' as const, id: randomUUID(), name: 'Scripted admin' };

function scripted(type: string, data: Record<string, unknown>, at: string, version?: number): NewEvent {
  return {
    id: randomUUID(),
    type,
    version,
    data,
    metadata: { actor: STAFF_ACTOR, correlationId: randomUUID(), causationId: null, timestamp: at },
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('audit', () => {
  let app: TestApp;
  let admin: string;
  let auditor: string;
  let agent: string;

  const get = (path: string, token: string) => app.http.get(path, { token });

  async function staffToken(role: 'auditor' | 'agent'): Promise<string> {
    const email = `${role}-${randomUUID().slice(0, 8)}@staff.example.com`;
    const password = 'Staff-password-1!';
    const created = await app.http.post(
      '/v1/staff-users',
      { email, name: role, password, role },
      { token: admin },
    );
    expect(created.status).toBe(201);
    const login = await app.http.post('/v1/auth/staff/login', { email, password });
    expect(login.status).toBe(200);
    return login.json.accessToken;
  }

  beforeAll(async () => {
    app = await startTestApp({ mailer: true });
    admin = await app.adminToken();
    auditor = await staffToken('auditor');
    agent = await staffToken('agent');
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('a portal built through the API', () => {
    let portalId: string;
    let otherPortalId: string;
    let userId: string;
    let movedInUserId: string;
    let outsiderId: string;
    let caseId: string;
    let tokenHash: string;
    const correlationId = `audit-e2e-${randomUUID()}`;

    beforeAll(async () => {
      const slug = `audit-${randomUUID().slice(0, 8)}`;
      const portal = await app.http.post('/v1/portals', { name: 'Audited', slug }, { token: admin });
      expect(portal.status).toBe(201);
      portalId = portal.json.id;
      const other = await app.http.post(
        '/v1/portals',
        { name: 'Other', slug: `${slug}-o` },
        { token: admin },
      );
      expect(other.status).toBe(201);
      otherPortalId = other.json.id;

      const user = (email: string, portalIds: string[]) =>
        app.http.post(
          '/v1/portal-users',
          { email, firstName: 'Pat', lastName: 'Doe', portalIds },
          { token: admin },
        );
      userId = (await user(`pat-${slug}@customer.example.org`, [portalId])).json.id;
      movedInUserId = (await user(`mover-${slug}@customer.example.org`, [otherPortalId])).json.id;
      outsiderId = (await user(`out-${slug}@customer.example.org`, [otherPortalId])).json.id;
      expect([userId, movedInUserId, outsiderId].every((id) => typeof id === 'string')).toBe(true);
      const moved = await app.http.post(
        `/v1/portal-users/${movedInUserId}/transfer`,
        { fromPortalId: otherPortalId, toPortalId: portalId },
        { token: admin },
      );
      expect(moved.status).toBe(204);

      const invited = await app.http.post(
        `/v1/portal-users/${userId}/invitations`,
        { portalId },
        { token: admin, headers: { 'x-correlation-id': correlationId } },
      );
      expect(invited.status).toBe(202);

      // A case raised through the portal and one raised through the other portal, scripted.
      caseId = randomUUID();
      const now = new Date().toISOString();
      await app.eventStore.append(
        `record-Case-${caseId}`,
        [
          scripted(
            'CaseCreatedByPortalUser',
            { id: caseId, entityType: 'Case', fields: { name: 'Broken' }, portalId, portalUserId: userId },
            now,
          ),
          scripted(
            'RecordUpdated',
            { entityType: 'Case', changes: { priority: { from: null, to: 'High' } } },
            now,
          ),
        ],
        'no-stream',
      );
      const elsewhere = randomUUID();
      await app.eventStore.append(
        `record-Case-${elsewhere}`,
        [
          scripted(
            'CaseCreatedByPortalUser',
            {
              id: elsewhere,
              entityType: 'Case',
              fields: { name: 'Elsewhere' },
              portalId: otherPortalId,
              portalUserId: outsiderId,
            },
            now,
          ),
        ],
        'no-stream',
      );

      const sent = (await app.eventStore.readStream(`portalUser-${userId}`)).find(
        (e) => e.type === 'InvitationSent',
      );
      tokenHash = sent!.data.tokenHash as string;
      expect(tokenHash.length).toBeGreaterThan(10);
    });

    it('follows one invitation request to InvitationSent and EmailDelivered by correlation id', async () => {
      const delivered = await waitFor('EmailDelivered', async () => {
        const res = await get(
          `/v1/audit/events?type=EmailDelivered&stream=emailDelivery-*&limit=1000`,
          auditor,
        );
        return (res.json.items as { correlationId: string }[]).find((e) => e.correlationId === correlationId);
      });
      const chain: { type: string; id: string; causationId: string | null; correlationId: string }[] = [];
      let after: number | null = -1;
      while (after !== null) {
        const res = await get(`/v1/audit/events?limit=1000${after >= 0 ? `&after=${after}` : ''}`, auditor);
        chain.push(
          ...res.json.items.filter((e: { correlationId: string }) => e.correlationId === correlationId),
        );
        after = res.json.next;
      }
      const invitation = chain.find((e) => e.type === 'InvitationSent')!;
      expect(chain.map((e) => e.type)).toEqual(['InvitationSent', 'EmailDelivered']);
      expect(delivered).toMatchObject({ type: 'EmailDelivered', causationId: invitation.id });
      expect((delivered as unknown as { data: { sourceEventId: string } }).data.sourceEventId).toBe(
        invitation.id,
      );
    });

    it('redacts token hashes from the event list, the user as of now and the export', async () => {
      const list = await get(`/v1/audit/events?stream=portalUser-${userId}`, auditor);
      expect(list.status).toBe(200);
      const sent = list.json.items.find((e: { type: string }) => e.type === 'InvitationSent');
      expect(sent.data.tokenHash).toBe('[redacted]');
      const user = await get(`/v1/audit/portal-users/${userId}`, auditor);
      expect(user.status).toBe(200);
      expect(user.json.state.invitations[portalId].tokenHash).toBe('[redacted]');
      const exported = await get(`/v1/audit/portals/${portalId}/export`, auditor);
      for (const answer of [list, user, exported]) expect(answer.text).not.toContain(tokenHash);
    });

    it("exports the portal's stream, its users' (moved in included) and its cases' streams, in global order", async () => {
      const res = await get(`/v1/audit/portals/${portalId}/export`, auditor);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      const lines = res.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));

      const streams = [
        `portal-${portalId}`,
        `portalUser-${userId}`,
        `portalUser-${movedInUserId}`,
        `record-Case-${caseId}`,
      ];
      const held: RecordedEvent[] = (
        await Promise.all(streams.map((s) => app.eventStore.readStream(s)))
      ).flat();
      held.sort((a, b) => a.position - b.position);
      const exportedUpToHead = lines.filter((l) => l.position <= held[held.length - 1].position);
      expect(exportedUpToHead.map((l) => [l.position, l.stream, l.revision, l.type])).toEqual(
        held.map((e) => [e.position, e.stream, e.revision, e.type]),
      );
      expect(new Set(lines.map((l) => l.stream))).toEqual(new Set(streams));
      const first = lines[0];
      expect(Object.keys(first).sort()).toEqual(
        [
          'actor',
          'at',
          'causationId',
          'correlationId',
          'data',
          'id',
          'position',
          'revision',
          'stream',
          'type',
          'version',
        ].sort(),
      );
    });

    it('narrows the event list by portal and actor', async () => {
      const byPortal = await get(`/v1/audit/events?portalId=${otherPortalId}&limit=1000`, auditor);
      const types = byPortal.json.items.map(
        (e: { stream: string; type: string }) => `${e.stream.split('-')[0]}:${e.type}`,
      );
      expect(types).toEqual(
        expect.arrayContaining([
          'portal:PortalCreated',
          'portalUser:PortalUserTransferred',
          'record:CaseCreatedByPortalUser',
        ]),
      );
      expect(byPortal.json.items.every((e: { stream: string }) => e.stream !== `portal-${portalId}`)).toBe(
        true,
      );

      const byScript = await get(`/v1/audit/events?actorId=${STAFF_ACTOR.id}&limit=1000`, auditor);
      expect(byScript.json.items.length).toBeGreaterThanOrEqual(3);
      expect(byScript.json.items.every((e: { actor: { id: string } }) => e.actor.id === STAFF_ACTOR.id)).toBe(
        true,
      );
    });

    it('pages through every event with next, without gaps or repeats', async () => {
      const positions: number[] = [];
      let after: number | null = -1;
      while (after !== null) {
        const res = await get(`/v1/audit/events?limit=7${after >= 0 ? `&after=${after}` : ''}`, auditor);
        expect(res.status).toBe(200);
        expect(res.json.items.length).toBeLessThanOrEqual(7);
        positions.push(...res.json.items.map((e: { position: number }) => e.position));
        after = res.json.next;
      }
      const stored = await app.eventStore.readAll({ limit: positions.length });
      expect(positions).toEqual(stored.map((e) => e.position));

      const oneStream = `portalUser-${userId}`;
      const streamPositions: number[] = [];
      after = -1;
      while (after !== null) {
        const res = await get(
          `/v1/audit/events?stream=${oneStream}&limit=1${after >= 0 ? `&after=${after}` : ''}`,
          auditor,
        );
        streamPositions.push(...res.json.items.map((e: { position: number }) => e.position));
        after = res.json.next;
      }
      expect(streamPositions).toEqual((await app.eventStore.readStream(oneStream)).map((e) => e.position));
    });
  });

  describe('aggregates as of a moment, from scripted history', () => {
    const portalId = randomUUID();
    const roleId = randomUUID();
    const userId = randomUUID();
    const day = (d: number) => `2025-03-0${d}T09:00:00.000Z`;

    beforeAll(async () => {
      await app.eventStore.append(
        `portalRole-${roleId}`,
        [
          scripted(
            'PortalRoleCreated',
            { roleId, name: 'Own cases', scopes: { Case: { read: 'own', create: 'yes' } }, fields: {} },
            day(1),
          ),
          scripted(
            'PortalRoleChanged',
            {
              roleId,
              changes: {
                scopes: {
                  from: { Case: { read: 'own', create: 'yes' } },
                  to: { Case: { read: 'account', create: 'yes' } },
                },
              },
            },
            day(4),
          ),
        ],
        'no-stream',
      );
      await app.eventStore.append(
        `portal-${portalId}`,
        [
          scripted(
            'PortalCreated',
            {
              portalId,
              name: 'Scripted',
              slug: `scripted-${portalId.slice(0, 8)}`,
              url: 'http://localhost/portal/scripted',
              customUrl: null,
              tabList: ['Case'],
              quickCreateList: [],
              dashboardLayout: [],
              defaultCaseAssigneeId: null,
              recordCriteria: {},
              settings: DEFAULT_PORTAL_SETTINGS,
              branding: EMPTY_PORTAL_BRANDING,
              isActive: true,
              isDefault: false,
              roleIds: [roleId],
            },
            day(2),
          ),
          // The old shape, stored as v1: the test upcaster lifts it to v2 { from, to }.
          scripted('PortalRenamed', { portalId, oldName: 'Scripted', newName: 'Renamed' }, day(3), 1),
          scripted('RoleUnassigned', { target: 'portal', portalId, roleId }, day(5)),
        ],
        'no-stream',
      );
      await app.eventStore.append(
        `portalUser-${userId}`,
        [
          scripted(
            'PortalUserCreated',
            {
              portalUserId: userId,
              email: 'old@customer.example.org',
              firstName: 'O',
              lastName: 'L',
              contactId: null,
              accountIds: [],
              portalIds: [portalId],
              roleIds: [],
            },
            day(2),
          ),
          scripted(
            'InvitationSent',
            {
              invitationId: randomUUID(),
              portalId,
              tokenHash: 'scripted-hash-value',
              expiresAt: day(9),
              resend: false,
            },
            day(3),
          ),
          scripted('PortalUserDeactivated', {}, day(6)),
        ],
        'no-stream',
      );
    });

    it('answers 404 before the portal existed, and for a portal that never did', async () => {
      expect((await get(`/v1/audit/portals/${portalId}?asOf=2025-03-01`, auditor)).status).toBe(404);
      expect((await get(`/v1/audit/portals/${randomUUID()}`, auditor)).status).toBe(404);
      expect((await get(`/v1/audit/portal-users/${userId}?asOf=2025-03-01T23:59:59Z`, auditor)).status).toBe(
        404,
      );
    });

    it('answers what the portal allowed on each day, through an upcast old event', async () => {
      const on = async (asOf: string) => {
        const res = await get(`/v1/audit/portals/${portalId}?asOf=${asOf}`, auditor);
        expect(res.status).toBe(200);
        return res.json;
      };
      const d2 = await on('2025-03-02');
      expect(d2.state.name).toBe('Scripted');
      expect(d2.roles).toEqual([
        { id: roleId, status: 'active', definition: expect.objectContaining({ name: 'Own cases' }) },
      ]);
      expect(d2.permissions.scopes.Case.read.level).toBe('own');

      const d3 = await on('2025-03-03T12:00:00Z');
      expect(d3.state.name).toBe('Renamed');
      expect(d3.revision).toBe(1);
      expect(d3.permissions.scopes.Case.read.level).toBe('own');

      expect((await on('2025-03-04')).permissions.scopes.Case.read.level).toBe('account');
      const d5 = await on('2025-03-05');
      expect(d5.roles).toEqual([]);
      expect(d5.permissions.scopes).toEqual({});
      expect((await get(`/v1/audit/portals/${portalId}`, admin)).json.revision).toBe(2);
    });

    it('lists the old event as the current version', async () => {
      const res = await get(`/v1/audit/events?stream=portal-${portalId}&type=PortalRenamed`, auditor);
      expect(res.json.items).toHaveLength(1);
      expect(res.json.items[0]).toMatchObject({
        version: 2,
        data: { portalId, from: 'Scripted', to: 'Renamed' },
        at: day(3),
      });
    });

    it('answers the portal user as of a moment, redacted', async () => {
      const invited = await get(`/v1/audit/portal-users/${userId}?asOf=2025-03-04`, auditor);
      expect(invited.status).toBe(200);
      expect(invited.json.status).toBe('invited');
      expect(invited.text).not.toContain('scripted-hash-value');
      expect((await get(`/v1/audit/portal-users/${userId}?asOf=2025-03-06`, auditor)).json.status).toBe(
        'deactivated',
      );
    });

    it('narrows by time, inclusive', async () => {
      const res = await get(
        `/v1/audit/events?stream=portal-${portalId}&from=${day(3)}&to=2025-03-05`,
        auditor,
      );
      expect(res.json.items.map((e: { type: string }) => e.type)).toEqual([
        'PortalRenamed',
        'RoleUnassigned',
      ]);
    });
  });

  describe('audit:verify', () => {
    it('finds nothing wrong in the log and the read models this file wrote (old event version included)', async () => {
      const lines: string[] = [];
      const findings = await runAuditVerify({
        eventStore: app.eventStore,
        known: new KnownEventTypes(createUpcasterRegistry()),
        readModels: projectorReadModelCheck(app.eventStore, app.readStore),
        progressOut: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
        log: (line) => lines.push(line),
      });
      expect(lines).toEqual(expect.arrayContaining(['audit:verify: no findings']));
      expect(findings).toEqual([]);
    });
  });

  describe('who may read the audit', () => {
    it.each([
      '/v1/audit/events',
      `/v1/audit/portals/${randomUUID()}`,
      `/v1/audit/portal-users/${randomUUID()}`,
    ])('lets admins and auditors in, not agents nor anonymous callers: %s', async (path) => {
      expect([200, 404]).toContain((await get(path, auditor)).status);
      expect([200, 404]).toContain((await get(path, admin)).status);
      expect((await get(path, agent)).status).toBe(403);
      expect((await app.http.get(path)).status).toBe(401);
    });

    it.each([
      ['GET', '/v1/portals'],
      ['GET', '/v1/portal-users'],
      ['GET', '/v1/portal-roles'],
      ['GET', '/v1/staff-users'],
      ['GET', '/v1/records/Case'],
      ['POST', '/v1/portals'],
    ])('refuses auditors everything else: %s %s', async (method, path) => {
      const res =
        method === 'GET'
          ? await get(path, auditor)
          : await app.http.post(
              path,
              { name: 'Nope', slug: `nope-${randomUUID().slice(0, 6)}` },
              { token: auditor },
            );
      expect(res.status).toBe(403);
    });

    it('refuses bad query values with 400 and the path of the field', async () => {
      const bad = await get('/v1/audit/events?limit=0&after=x&from=yesterday', auditor);
      expect(bad.status).toBe(400);
      expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        '/query/after',
        '/query/from',
        '/query/limit',
      ]);
      expect((await get(`/v1/audit/portals/${randomUUID()}?asOf=soon`, auditor)).status).toBe(400);
      expect((await get('/v1/audit/portals/not-a-uuid', auditor)).status).toBe(400);
    });
  });
});
