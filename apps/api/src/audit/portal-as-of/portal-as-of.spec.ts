import { DEFAULT_PORTAL_SETTINGS, EMPTY_PORTAL_BRANDING } from '@portal/domain';
import type { RecordedEvent } from '@portal/event-store';
import { ScriptedLog } from '../testing/recorded-events';
import { portalAsOf } from './portal-as-of';

const P = 'portal-id';
const log = new ScriptedLog();
const portal = `portal-${P}`;
const day = (d: number) => `2026-01-0${d}T09:00:00.000Z`;
const noon = (d: number) => Date.parse(`2026-01-0${d}T12:00:00.000Z`);

const roleStreams: Record<string, RecordedEvent[]> = {
  r1: [
    log.event(
      'portalRole-r1',
      'PortalRoleCreated',
      { roleId: 'r1', name: 'Own cases', scopes: { Case: { read: 'own' } }, fields: {} },
      day(1),
    ),
    log.event(
      'portalRole-r1',
      'PortalRoleChanged',
      {
        roleId: 'r1',
        changes: { scopes: { from: { Case: { read: 'own' } }, to: { Case: { read: 'account' } } } },
      },
      day(5),
    ),
  ],
  r2: [
    log.event(
      'portalRole-r2',
      'PortalRoleCreated',
      { roleId: 'r2', name: 'Articles', scopes: { KnowledgeBaseArticle: { read: 'all' } }, fields: {} },
      day(3),
    ),
    log.event('portalRole-r2', 'PortalRoleDeleted', { roleId: 'r2' }, day(8)),
  ],
};
const portalEvents = [
  log.event(
    portal,
    'PortalCreated',
    {
      portalId: P,
      name: 'Customers',
      slug: 'customers',
      url: 'http://x/portal/customers',
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
      roleIds: ['r1'],
    },
    day(2),
  ),
  log.event(portal, 'RoleAssigned', { target: 'portal', portalId: P, roleId: 'r2' }, day(4)),
  log.event(portal, 'RoleUnassigned', { target: 'portal', portalId: P, roleId: 'r1' }, day(6)),
  log.event(portal, 'PortalRenamed', { portalId: P, from: 'Customers', to: 'Clients' }, day(7)),
];

const at = (ms: number) => portalAsOf(P, portalEvents, (id) => roleStreams[id] ?? [], ms);

describe('portalAsOf', () => {
  it('is null before the portal was created', () => {
    expect(at(noon(1))).toBeNull();
    expect(at(Date.parse(day(2)) - 1)).toBeNull();
  });

  it('includes an event decided exactly at asOf', () => {
    expect(at(Date.parse(day(2)))?.revision).toBe(0);
  });

  it('answers the roles held then, as they were then, and what they allowed', () => {
    const d2 = at(noon(2))!;
    expect(d2.roles.map((r) => [r.id, r.status])).toEqual([['r1', 'active']]);
    expect(d2.permissions.scopes.Case.read.level).toBe('own');
    expect(d2.state.name).toBe('Customers');

    const d4 = at(noon(4))!;
    expect(d4.roles.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(d4.permissions.scopes.Case.read.level).toBe('own');
    expect(d4.permissions.scopes.KnowledgeBaseArticle.read.level).toBe('all');

    const d5 = at(noon(5))!;
    expect(d5.permissions.scopes.Case.read.level).toBe('account');
    expect(d5.revision).toBe(1);

    const d6 = at(noon(6))!;
    expect(d6.roles.map((r) => r.id)).toEqual(['r2']);
    expect(d6.permissions.scopes.Case).toBeUndefined();
  });

  it('shows a role deleted by then as granting nothing, and the latest settings', () => {
    const d8 = at(noon(8))!;
    expect(d8.state.name).toBe('Clients');
    expect(d8.roles).toEqual([{ id: 'r2', status: 'deleted', definition: null }]);
    expect(d8.permissions.scopes).toEqual({});
    expect(d8.revision).toBe(3);
    expect(d8.at).toBe(day(7));
    expect(d8.asOf).toBe('2026-01-08T12:00:00.000Z');
  });

  it('folds a prefix: a later revision decided earlier than the one before it waits for that one', () => {
    const racing = [...portalEvents.slice(0, 3)];
    // Decided a moment before RoleUnassigned (day 6) but appended after it.
    racing.push({ ...portalEvents[3], metadata: { ...portalEvents[3].metadata, timestamp: day(5) } });
    const state = portalAsOf(P, racing, (id) => roleStreams[id] ?? [], noon(5))!;
    expect(state.state.name).toBe('Customers');
    expect(state.revision).toBe(1);
  });
});
