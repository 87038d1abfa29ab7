import type { PortalDoc } from '@portal/read-models';
import { portalContextOf, roleIdsOf } from './portal-access-inputs';

describe('roleIdsOf', () => {
  it("lists the portal's roles, then the user's own, each once", () => {
    expect(roleIdsOf({ roleIds: ['a', 'b'] }, { roleIds: ['b', 'c'] })).toEqual(['a', 'b', 'c']);
    expect(roleIdsOf({ roleIds: [] }, { roleIds: [] })).toEqual([]);
  });
});

describe('portalContextOf', () => {
  it("carries the portal's id, tabs and record criteria", () => {
    const portal = {
      id: 'p1',
      tabList: ['Case'],
      recordCriteria: { Case: [{ field: 'status', op: 'ne', value: 'Closed' }] },
    } as unknown as PortalDoc;
    expect(portalContextOf(portal)).toEqual({
      portalId: 'p1',
      tabList: ['Case'],
      recordCriteria: { Case: [{ field: 'status', op: 'ne', value: 'Closed' }] },
    });
  });
});
