import fc from 'fast-check';
import { startTestApp, type TestApp } from './support';
import { PortalWorld } from './portal-world';

// Property, through HTTP: whatever the role's levels and however cases are linked, flagged and
// commented, a portal user sees exactly what an independent reference model allows, in lists,
// single reads and streams, and gets 404 for everything else.

const LEVELS = ['no', 'own', 'contact', 'account', 'all'] as const;
type Level = (typeof LEVELS)[number];

interface KnownCase {
  id: string;
  account: 'A1' | 'A2' | 'B' | null;
  contact: 'Cu' | 'Co' | null;
  isInternal: boolean;
  status: 'New' | 'Closed' | 'Internal review';
  description: string | null;
  byUser: boolean;
  comments: { text: string; internal: boolean }[];
}

interface RoleUnderTest {
  read: Level;
  stream: Level;
  create: 'yes' | 'no';
  descriptionReadable: boolean;
}

/** The reference: written from API.md's level definitions, not from the ACL library. */
function reaches(level: Level, c: KnownCase): boolean {
  const own = c.byUser;
  const contact = own || c.contact === 'Cu';
  const account = contact || c.account === 'A1' || c.account === 'A2';
  return { no: false, own, contact, account, all: true }[level];
}

function canRead(role: RoleUnderTest, c: KnownCase): boolean {
  // The portal hides internal cases and (its record criteria) cases in "Internal review".
  return !c.isInternal && c.status !== 'Internal review' && reaches(role.read, c);
}

function canStream(role: RoleUnderTest, c: KnownCase): boolean {
  return canRead(role, c) && reaches(role.stream, c);
}

const caseArbitrary = fc.record({
  account: fc.constantFrom('A1', 'A2', 'B', null),
  contact: fc.constantFrom('Cu', 'Co', null),
  isInternal: fc.boolean(),
  status: fc.constantFrom('New', 'Closed', 'Internal review'),
  description: fc.option(fc.constantFrom('details', 'more details'), { nil: null }),
  comments: fc.array(fc.boolean(), { maxLength: 2 }),
});

const roleArbitrary = fc.record({
  read: fc.constantFrom(...LEVELS),
  stream: fc.constantFrom(...LEVELS),
  create: fc.constantFrom('yes', 'no'),
  descriptionReadable: fc.boolean(),
});

describe('what a portal user sees equals the reference model', () => {
  let app: TestApp;
  let world: PortalWorld;
  let portal: { id: string; slug: string };
  let roleId: string;
  let user: { id: string; token: string };
  const refs: Record<string, string> = {};
  const known: KnownCase[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    world = await PortalWorld.start(app);
    refs.A1 = await world.createRecord('Account', { name: 'A1' });
    refs.A2 = await world.createRecord('Account', { name: 'A2' });
    refs.B = await world.createRecord('Account', { name: 'B' });
    refs.Cu = await world.createRecord('Contact', {
      lastName: 'User',
      email: `user-${world.unique()}@customer.test`,
      accountIds: [refs.A1, refs.A2],
    });
    refs.Co = await world.createRecord('Contact', { lastName: 'Other', accountId: refs.B });
    roleId = await world.createRole({ name: 'Under test', scopes: {} });
    portal = await world.createPortal({
      roleIds: [roleId],
      tabList: ['Case'],
      recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
    });
    user = await world.createPortalUser(refs.Cu, portal);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('in lists, single reads and streams', async () => {
    const path = (suffix: string) => `/v1/portals/${portal.slug}/records/Case${suffix}`;
    await fc.assert(
      fc.asyncProperty(
        roleArbitrary,
        fc.array(caseArbitrary, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (role, cases, userCreates) => {
          const patched = await world.staff('patch', `/v1/portal-roles/${roleId}`, {
            scopes: {
              Case: { create: role.create, read: role.read, stream: role.stream, edit: 'no', delete: 'no' },
            },
            fields: role.descriptionReadable ? {} : { Case: { description: { read: 'no', edit: 'no' } } },
          });
          expect(patched.status).toBe(200);

          const fresh: KnownCase[] = [];
          for (const c of cases) {
            const id = await world.createRecord('Case', {
              name: 'Generated',
              status: c.status,
              isInternal: c.isInternal,
              description: c.description,
              accountId: c.account === null ? null : refs[c.account],
              contactId: c.contact === null ? null : refs[c.contact],
            });
            const comments = c.comments.map((internal, i) => ({ text: `comment ${i} of ${id}`, internal }));
            for (const comment of comments) {
              const posted = await world.staff('post', `/v1/records/Case/${id}/stream`, {
                text: comment.text,
                isInternal: comment.internal,
              });
              expect(posted.status).toBe(201);
            }
            fresh.push({ ...c, id, byUser: false, comments });
          }
          if (userCreates) {
            const created = await world.call('post', path(''), user.token, { name: 'Mine' });
            // As in EspoCRM, create without read files the record, which its creator then cannot
            // see: the answer carries its id alone.
            expect(created.status).toBe(role.create === 'yes' ? 201 : 403);
            if (created.status === 201 && role.read === 'no') {
              expect(Object.keys(created.json as object)).toEqual(['id']);
            }
            if (created.status === 201) {
              fresh.push({
                id: created.json.id,
                account: 'A1',
                contact: 'Cu',
                isInternal: false,
                status: 'New',
                description: null,
                byUser: true,
                comments: [],
              });
            }
          }
          known.push(...fresh);

          const listed = await world.portalListAll(user.token, path(''));
          expect(listed.map((c) => c.id).sort()).toEqual(
            known
              .filter((c) => canRead(role, c))
              .map((c) => c.id)
              .sort(),
          );
          for (const item of listed) {
            const c = known.find((k) => k.id === item.id)!;
            expect(item).not.toHaveProperty('isInternal');
            if (role.descriptionReadable) expect(item.description ?? null).toEqual(c.description);
            else expect(item).not.toHaveProperty('description');
          }

          for (const c of fresh) {
            const single = await world.call('get', path(`/${c.id}`), user.token);
            expect([c.id, single.status]).toEqual([c.id, canRead(role, c) ? 200 : 404]);
            const stream = await world.call('get', path(`/${c.id}/stream`), user.token);
            const expected = canStream(role, c) ? 200 : canRead(role, c) ? 403 : 404;
            expect([c.id, stream.status]).toEqual([c.id, expected]);
            if (stream.status === 200) {
              expect((stream.json.items as { text: string }[]).map((x) => x.text)).toEqual(
                c.comments.filter((x) => !x.internal).map((x) => x.text),
              );
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 600_000);
});
