import { concernsPortal, matchesCriteria, storeFilterOf } from './audit-event-criteria';
import { ScriptedLog } from './testing/recorded-events';

const P = 'p-1';
const log = new ScriptedLog();
const onPortalStream = log.event(
  `portal-${P}`,
  'PortalRenamed',
  { portalId: 'x', from: 'a', to: 'b' },
  '2026-01-01T10:00:00Z',
);
const byPortalUser = log.event(
  'record-Case-1',
  'RecordUpdated',
  { entityType: 'Case', changes: {} },
  '2026-01-02T10:00:00Z',
  {
    type: 'portalUser',
    id: 'u-1',
    portalId: P,
  },
);
const aboutPortal = log.event(
  'portalUser-u-2',
  'InvitationSent',
  { portalId: P, tokenHash: 'h' },
  '2026-01-03T10:00:00Z',
);
const transferIn = log.event(
  'portalUser-u-3',
  'PortalUserTransferred',
  { fromPortalId: 'q', toPortalId: P },
  '2026-01-04T10:00:00Z',
);
const transferOut = log.event(
  'portalUser-u-4',
  'PortalUserTransferred',
  { fromPortalId: P, toPortalId: 'q' },
  '2026-01-05T10:00:00Z',
);
const inList = log.event(
  'portalUser-u-5',
  'PortalUserCreated',
  { portalIds: ['q', P] },
  '2026-01-06T10:00:00Z',
);
const elsewhere = log.event(
  'portal-q',
  'PortalRenamed',
  { portalId: 'q', from: 'a', to: 'b' },
  '2026-01-07T10:00:00Z',
);

describe('audit event criteria', () => {
  it('finds every way an event concerns a portal, and nothing else', () => {
    for (const e of [onPortalStream, byPortalUser, aboutPortal, transferIn, transferOut, inList]) {
      expect(concernsPortal(e, P)).toBe(true);
    }
    expect(concernsPortal(elsewhere, P)).toBe(false);
  });

  it('matches exact streams or prefixes ending with *, types, actors and inclusive time bounds', () => {
    expect(matchesCriteria(aboutPortal, { stream: 'portalUser-u-2' })).toBe(true);
    expect(matchesCriteria(aboutPortal, { stream: 'portalUser-u' })).toBe(false);
    expect(matchesCriteria(aboutPortal, { stream: 'portalUser-*' })).toBe(true);
    expect(matchesCriteria(aboutPortal, { types: ['PortalRenamed', 'InvitationSent'] })).toBe(true);
    expect(matchesCriteria(aboutPortal, { types: ['PortalRenamed'] })).toBe(false);
    expect(matchesCriteria(byPortalUser, { actorId: 'u-1' })).toBe(true);
    expect(matchesCriteria(byPortalUser, { actorId: 'staff-1' })).toBe(false);
    const at = Date.parse('2026-01-03T10:00:00Z');
    expect(matchesCriteria(aboutPortal, { from: at, to: at })).toBe(true);
    expect(matchesCriteria(aboutPortal, { from: at + 1 })).toBe(false);
    expect(matchesCriteria(aboutPortal, { to: at - 1 })).toBe(false);
  });

  it('hands the store the stream prefix and the types, nothing else', () => {
    expect(storeFilterOf({ stream: 'portalUser-*', types: ['A'], actorId: 'x', portalId: P })).toEqual({
      streamPrefixes: ['portalUser-'],
      eventTypes: ['A'],
    });
    expect(storeFilterOf({ actorId: 'x' })).toEqual({});
  });
});
