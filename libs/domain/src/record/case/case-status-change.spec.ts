import { updateEvents } from './case-status-change';

describe('updateEvents', () => {
  it('moves a case’s status out of RecordUpdated into CaseStatusChanged', () => {
    expect(
      updateEvents('Case', { status: { from: 'New', to: 'Closed' }, name: { from: 'a', to: 'b' } }),
    ).toEqual([
      { type: 'RecordUpdated', data: { entityType: 'Case', changes: { name: { from: 'a', to: 'b' } } } },
      { type: 'CaseStatusChanged', data: { entityType: 'Case', from: 'New', to: 'Closed' } },
    ]);
  });

  it('reports a status cleared or first set as null', () => {
    expect(updateEvents('Case', { status: { from: null, to: 'New' } })).toEqual([
      { type: 'CaseStatusChanged', data: { entityType: 'Case', from: null, to: 'New' } },
    ]);
  });

  it('leaves the status of other types in RecordUpdated', () => {
    expect(updateEvents('Document', { status: { from: 'Draft', to: 'Active' } })).toEqual([
      {
        type: 'RecordUpdated',
        data: { entityType: 'Document', changes: { status: { from: 'Draft', to: 'Active' } } },
      },
    ]);
  });

  it('emits nothing for no changes', () => {
    expect(updateEvents('Case', {})).toEqual([]);
  });
});
