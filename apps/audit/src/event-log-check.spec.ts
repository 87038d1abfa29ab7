import type { RecordedEvent } from '@portal/event-store';
import { UpcasterRegistry } from '@portal/event-store';
import { EventLogCheck } from './event-log-check';
import { KnownEventTypes } from './known-event-types';

let position = 0;
function event(stream: string, revision: number, type: string, version = 1): RecordedEvent {
  position += 1;
  return {
    id: `id-${position}`,
    stream,
    revision,
    type,
    version,
    data: {},
    metadata: { actor: { type: 'system', id: 's' }, correlationId: 'c', causationId: null, timestamp: '' },
    position,
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}

function check(events: RecordedEvent[], known = new KnownEventTypes()) {
  const c = new EventLogCheck(known);
  events.forEach((e) => c.inspect(e));
  return c;
}

describe('EventLogCheck', () => {
  it('finds nothing in a sound log of interleaved streams', () => {
    const c = check([
      event('portal-a', 0, 'PortalCreated'),
      event('portalRole-r', 0, 'PortalRoleCreated'),
      event('portal-a', 1, 'RoleAssigned'),
      event('portalUser-u', 0, 'PortalUserCreated'),
      event('portalUser-u', 1, 'RoleAssigned'),
      event('emailDelivery-j', 0, 'EmailDelivered'),
      event('unique-portalSlug-x', 0, 'UniqueValueReserved'),
      event('record-Case-1', 0, 'CaseCreatedByPortalUser'),
    ]);
    expect(c.findings).toEqual([]);
    expect(c.eventsChecked).toBe(8);
    expect(c.streamsSeen).toBe(6);
  });

  it('reports holes, including a stream that does not start at 0, and duplicates', () => {
    const c = check([
      event('portal-a', 0, 'PortalCreated'),
      event('portal-a', 2, 'PortalRenamed'),
      event('portal-b', 3, 'PortalCreated'),
      event('portal-a', 2, 'PortalRenamed'),
    ]);
    expect(c.findings.map((f) => [f.kind, f.stream, f.message])).toEqual([
      ['revision_hole', 'portal-a', 'revision 2 follows 0: 1 missing'],
      ['revision_hole', 'portal-b', 'revision 3 follows -1: 0..2 missing'],
      ['revision_duplicate', 'portal-a', 'revision 2 again after 2'],
    ]);
  });

  it('reports unknown types, types in the wrong stream and versions that are not current', () => {
    const upcasters = new UpcasterRegistry([{ type: 'PortalRenamed', fromVersion: 1, upcast: (d) => d }]);
    const c = check(
      [
        event('portal-a', 0, 'PortalCreated'),
        event('portal-a', 1, 'PortalExploded'),
        event('portal-a', 2, 'PortalUserCreated'),
        event('portal-a', 3, 'PortalRenamed', 1),
        event('portal-a', 4, 'PortalRenamed', 2),
      ],
      new KnownEventTypes(upcasters),
    );
    expect(c.findings.map((f) => f.kind)).toEqual(['unknown_type', 'type_outside_stream', 'stale_version']);
  });

  it('reports positions that do not increase', () => {
    const first = event('portal-a', 0, 'PortalCreated');
    const second = { ...event('portal-b', 0, 'PortalCreated'), position: first.position };
    expect(check([first, second]).findings.map((f) => f.kind)).toEqual(['position_order']);
  });
});
