import { fieldChanges, withDefaults } from './field-changes';
import type { RecordEvent } from './record.events';
import { evolveRecord } from './record.evolve';
import { initialRecordState } from './record.state';

const A = '10000000-0000-4000-8000-000000000001';
const B = '10000000-0000-4000-8000-000000000002';

describe('fieldChanges', () => {
  it('compares lists by value and in order', () => {
    expect(fieldChanges({ teamIds: [A, B] }, { teamIds: [A, B] })).toEqual({});
    expect(fieldChanges({ teamIds: [A, B] }, { teamIds: [B, A] })).toEqual({
      teamIds: { from: [A, B], to: [B, A] },
    });
  });

  it('treats unset and null alike, and skips undefined', () => {
    expect(fieldChanges({}, { description: null, name: undefined })).toEqual({});
    expect(fieldChanges({ description: 'x' }, { description: null })).toEqual({
      description: { from: 'x', to: null },
    });
  });

  it('does not read inherited properties as current values', () => {
    expect(fieldChanges({}, { toString: 'x' })).toEqual({ toString: { from: null, to: 'x' } });
  });
});

describe('withDefaults', () => {
  it('fills defaults only where a field is unsent or null', () => {
    const defs = [
      { name: 'status', default: 'New' },
      { name: 'priority', default: 'Normal' },
      { name: 'name' },
    ];
    expect(withDefaults({ priority: 'High', status: null, x: undefined }, defs)).toEqual({
      priority: 'High',
      status: 'New',
    });
  });
});

describe('evolveRecord', () => {
  it('ignores event types it does not know (total)', () => {
    const unknown = { type: 'SomethingElse', data: {} } as unknown as RecordEvent;
    expect(evolveRecord(initialRecordState, unknown)).toBe(initialRecordState);
  });
});
