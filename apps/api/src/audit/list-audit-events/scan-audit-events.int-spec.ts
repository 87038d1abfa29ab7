import { randomUUID } from 'node:crypto';
import { type NewEvent, openPostgresEventStore, type EventStore } from '@portal/event-store';
import { dropSchema } from '@portal/platform';
import { scanAuditEvents } from './scan-audit-events';

const pgUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `audit_scan_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const ACTOR = { type: 'staff' as const, id: 'needle', name: 'Ada' };
const OTHER = { type: 'staff' as const, id: 'hay', name: 'Bob' };

function event(type: string, actor = OTHER): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { portalId: 'p', tokenHash: 'do-not-show' },
    metadata: { actor, correlationId: 'c', causationId: null, timestamp: new Date().toISOString() },
  };
}

describe('scanAuditEvents on PostgreSQL', () => {
  let store: EventStore;

  beforeAll(async () => {
    store = await openPostgresEventStore(pgUrl, undefined, schema);
    // 30 events over 3 streams; the actor "needle" did positions 4 and 25 only.
    for (let i = 0; i < 30; i += 1) {
      const stream = `portalUser-${i % 3}`;
      await store.append(stream, [event('PortalUserActivated', i === 4 || i === 25 ? ACTOR : OTHER)], 'any');
    }
  });

  afterAll(async () => {
    await store.close();
    await dropSchema(pgUrl, schema);
  });

  it('stops after the scan budget with next at the last position read, so rare matches page on', async () => {
    const pages: { positions: number[]; next: number | null }[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await scanAuditEvents(store, { actorId: 'needle' }, { after, limit: 10, scanBudget: 10 });
      pages.push({ positions: page.items.map((e) => e.position), next: page.next });
      if (page.next === null) break;
      after = page.next;
    }
    expect(pages).toEqual([
      { positions: [4], next: 9 },
      { positions: [], next: 19 },
      { positions: [25], next: 29 },
      { positions: [], next: null },
    ]);
  });

  it('stops at the limit with next at the last item, and at the end with next null', async () => {
    const first = await scanAuditEvents(store, { stream: 'portalUser-1' }, { limit: 4 });
    expect(first.items.map((e) => [e.stream, e.revision])).toEqual([
      ['portalUser-1', 0],
      ['portalUser-1', 1],
      ['portalUser-1', 2],
      ['portalUser-1', 3],
    ]);
    expect(first.next).toBe(first.items[3].position);
    const rest = await scanAuditEvents(store, { stream: 'portalUser-1' }, { after: first.next!, limit: 100 });
    expect(rest.items.map((e) => e.revision)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(rest.next).toBeNull();
    expect(JSON.stringify([first, rest])).not.toContain('do-not-show');
  });
});
