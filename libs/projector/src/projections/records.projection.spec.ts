import {
  CASE_ENTITY_TYPE,
  KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE,
  initialRecordState,
  toAclRecord,
  type RecordState,
} from '@portal/domain';
import type { StoredAggregate } from './aggregate-states';
import { toRecordDoc } from './records.projection';
import { trackedOf } from './tracking';

const staff = { type: 'staff' as const, id: 'staff-1', name: 'Sam' };
const portalUser = { type: 'portalUser' as const, id: 'pu-1', name: 'Pat', portalId: 'portal-1' };

function aggregate(state: RecordState): StoredAggregate<RecordState, { deletedAt: string | null }> {
  return {
    id: `record-${state.entityType}-${state.id}`,
    state,
    extra: { deletedAt: '2026-03-04T00:00:00.000Z' },
    createdAt: '2026-01-02T00:00:00.000Z',
    createdBy: staff,
    modifiedAt: '2026-02-03T00:00:00.000Z',
    modifiedBy: portalUser,
    revision: 4,
  };
}

describe('toRecordDoc', () => {
  it("is the ACL's view of the record with who/when, and no portalIds where the view has none", () => {
    const state: RecordState = {
      ...initialRecordState,
      id: 'case-1',
      entityType: 'Case',
      fields: { name: 'Printer', accountId: 'account-1', status: 'New' },
      createdByPortalUserId: 'pu-1',
      createdInPortalId: 'portal-1',
    };
    const acl = toAclRecord(state, CASE_ENTITY_TYPE);
    const doc = toRecordDoc(aggregate(state), acl);
    // toRecordDoc writes the tracked fields out (no spread): every field trackedOf gives must be there.
    expect(doc).toMatchObject(trackedOf(aggregate(state)));
    expect(doc).toStrictEqual({
      ...acl,
      createdInPortalId: 'portal-1',
      deletedAt: '2026-03-04T00:00:00.000Z',
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: staff,
      modifiedAt: '2026-02-03T00:00:00.000Z',
      modifiedBy: portalUser,
      revision: 4,
    });
    expect('portalIds' in doc).toBe(false);
  });

  it('keeps the portals a record is published to', () => {
    const state: RecordState = {
      ...initialRecordState,
      id: 'kb-1',
      entityType: KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE.name,
      fields: { name: 'How to', status: 'Published', portalIds: ['portal-1', 'portal-2'] },
    };
    const acl = toAclRecord(state, KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE);
    expect(acl.portalIds).toEqual(['portal-1', 'portal-2']);
    const doc = toRecordDoc(aggregate(state), acl);
    // toRecordDoc writes the tracked fields out (no spread): every field trackedOf gives must be there.
    expect(doc).toMatchObject(trackedOf(aggregate(state)));
    expect(doc).toStrictEqual({
      ...acl,
      createdInPortalId: null,
      deletedAt: '2026-03-04T00:00:00.000Z',
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: staff,
      modifiedAt: '2026-02-03T00:00:00.000Z',
      modifiedBy: portalUser,
      revision: 4,
    });
  });
});
