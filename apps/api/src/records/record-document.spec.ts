import { CASE_ENTITY_TYPE } from '@portal/domain';
import { asStreamEvents, recordDocFromEvents, type RecordStreamEvent } from './record-document';

const staff = { type: 'staff' as const, id: 's1', name: 'Agent' };
const customer = { type: 'portalUser' as const, id: 'u1', name: 'Customer', portalId: 'p1' };
const account = '11111111-1111-4111-8111-111111111111';

function event(
  type: string,
  data: unknown,
  revision: number,
  actor: RecordStreamEvent['metadata']['actor'] = staff,
  at = `2026-01-0${revision + 1}T00:00:00.000Z`,
) {
  return { type, data, revision, metadata: { actor, timestamp: at } } as RecordStreamEvent;
}

describe('recordDocFromEvents', () => {
  const created = event(
    'CaseCreatedByPortalUser',
    {
      id: 'c1',
      entityType: 'Case',
      portalId: 'p1',
      portalUserId: 'u1',
      fields: { name: 'Broken', accountId: account, isInternal: false },
    },
    0,
    customer,
  );

  it('is null for an empty stream', () => {
    expect(recordDocFromEvents([], CASE_ENTITY_TYPE)).toBeNull();
  });

  it('tracks who created the record, normalises links and keeps the revision', () => {
    const doc = recordDocFromEvents([created], CASE_ENTITY_TYPE);
    expect(doc).toMatchObject({
      id: 'c1',
      entityType: 'Case',
      accountIds: [account],
      createdByPortalUserId: 'u1',
      createdInPortalId: 'p1',
      createdBy: { type: 'portalUser', id: 'u1', name: 'Customer', portalId: 'p1' },
      modifiedBy: { type: 'portalUser', id: 'u1' },
      revision: 0,
      deleted: false,
      deletedAt: null,
    });
  });

  it('does not count a comment as a change of the record, but counts it in the revision', () => {
    const comment = event(
      'CommentPosted',
      { entityType: 'Case', commentId: 'k1', text: 'hi', isInternal: false },
      1,
    );
    const doc = recordDocFromEvents([created, comment], CASE_ENTITY_TYPE);
    expect(doc?.modifiedBy.type).toBe('portalUser');
    expect(doc?.modifiedAt).toBe(created.metadata.timestamp);
    expect(doc?.revision).toBe(1);
  });

  it('takes the last change from decided events placed after the read revision', () => {
    const appended = asStreamEvents(
      [{ type: 'CaseStatusChanged', data: { entityType: 'Case', from: 'New', to: 'Closed' } }],
      0,
      { actor: staff, timestamp: '2026-02-01T00:00:00.000Z' },
    );
    const doc = recordDocFromEvents([created, ...appended], CASE_ENTITY_TYPE);
    expect(doc).toMatchObject({
      fields: { status: 'Closed' },
      modifiedAt: '2026-02-01T00:00:00.000Z',
      modifiedBy: { type: 'staff', id: 's1' },
      revision: 1,
    });
  });

  it('marks a deletion with its time', () => {
    const deleted = event('RecordDeleted', { entityType: 'Case' }, 1);
    expect(recordDocFromEvents([created, deleted], CASE_ENTITY_TYPE)).toMatchObject({
      deleted: true,
      deletedAt: deleted.metadata.timestamp,
    });
  });
});
