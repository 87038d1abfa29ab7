/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON */
import { recordStream } from '@portal/domain';
import { PortalWorld } from '../portal-world';
import { startTestApp, type TestApp } from '../support';

// Races through HTTP: many clients at once on one case (optimistic concurrency with If-Match) and
// on one portal slug (a reserved unique value). Nothing may be lost, and each race has one winner.
const CLIENTS = 50;

describe('concurrent writers', () => {
  let app: TestApp;
  let world: PortalWorld;

  beforeAll(async () => {
    app = await startTestApp();
    world = await PortalWorld.start(app);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it(`${CLIENTS} clients editing one case with If-Match: one winner per revision, no lost update`, async () => {
    const accountId = await world.createRecord('Account', { name: 'Race Inc' });
    const caseId = await world.createRecord('Case', { name: 'Contended', accountId });
    const first = await world.staff('get', `/v1/records/Case/${caseId}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);

    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        world.staff(
          'patch',
          `/v1/records/Case/${caseId}`,
          { description: `edit by client ${i}` },
          { 'if-match': etag },
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 412)).toBe(true);

    // The stream holds exactly the winner's change, and the read model shows it.
    const winner = answers.findIndex((a) => a.status === 200);
    const events = await app.eventStore.readStream(recordStream('Case', caseId));
    const updates = events.filter((e) => e.type === 'RecordUpdated');
    expect(updates).toHaveLength(1);
    expect((updates[0].data as any).changes.description.to).toBe(`edit by client ${winner}`);
    const after = await world.staff('get', `/v1/records/Case/${caseId}`);
    expect(after.json.description).toBe(`edit by client ${winner}`);
  });

  it(`${CLIENTS} clients editing one case, each retrying on 412: every edit lands, none lost`, async () => {
    const accountId = await world.createRecord('Account', { name: 'Retry Ltd' });
    const caseId = await world.createRecord('Case', { name: 'Counted', accountId });
    const clients = Array.from({ length: CLIENTS }, (_, i) => async () => {
      for (;;) {
        const current = await world.staff('get', `/v1/records/Case/${caseId}`);
        const res = await world.staff(
          'patch',
          `/v1/records/Case/${caseId}`,
          { description: `client ${i} was here` },
          { 'if-match': current.headers.get('etag')! },
        );
        if (res.status === 200) return;
        if (res.status !== 412) throw new Error(`client ${i}: ${res.status} ${res.text}`);
      }
    });
    await Promise.all(clients.map((run) => run()));
    const updates = (await app.eventStore.readStream(recordStream('Case', caseId))).filter(
      (e) => e.type === 'RecordUpdated',
    );
    const written = updates.map((e) => (e.data as any).changes.description.to).sort();
    expect(written).toEqual(Array.from({ length: CLIENTS }, (_, i) => `client ${i} was here`).sort());
    // Each update was decided on the state its predecessor left: a chain without gaps.
    for (let i = 1; i < updates.length; i += 1) {
      expect((updates[i].data as any).changes.description.from).toBe(
        (updates[i - 1].data as any).changes.description.to,
      );
    }
  }, 120_000);

  it(`${CLIENTS} clients creating the same portal slug: exactly one portal`, async () => {
    const slug = `race-${world.unique()}`;
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        world.staff('post', '/v1/portals', { name: `Racer ${i}`, slug, isActive: true }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    const portals = await world.staff('get', `/v1/portals?perPage=100&filter[slug]=${slug}`);
    expect(portals.status).toBe(200);
    expect((portals.json.items as any[]).filter((p) => p.slug === slug)).toHaveLength(1);
    const created = (await app.eventStore.readAll({ filter: { eventTypes: ['PortalCreated'] } })).filter(
      (e) => (e.data as any).slug === slug,
    );
    expect(created).toHaveLength(1);
  });
});
