import { criterionFilter } from './criterion-filter';
import type { Criterion } from './portal-context';
import { NONE } from './record-filter';

// Criteria come from the admin API as JSON; the type says what a good one looks like, the tests
// also feed what bad data can hold.
function criterion(value: unknown): Criterion {
  return value as Criterion;
}

describe('criterionFilter', () => {
  it.each([
    ['a string', 'Open'],
    ['a number', 3],
    ['a boolean', false],
    ['null', null],
  ])('given eq and ne with %s, then it compares fields.<field> with it', (_, value) => {
    for (const op of ['eq', 'ne'] as const) {
      expect(criterionFilter({ field: 'status', op, value })).toEqual({
        kind: op,
        path: 'fields.status',
        value,
      });
    }
  });

  it('given in and notIn with a list of scalars, then it compares fields.<field> with each', () => {
    const values = ['Open', 2, true, null];
    for (const op of ['in', 'notIn'] as const) {
      expect(criterionFilter({ field: 'status', op, value: values })).toEqual({
        kind: op,
        path: 'fields.status',
        values,
      });
    }
  });

  it('given an empty list for in, then it keeps the list (in [] matches nothing, notIn [] everything)', () => {
    expect(criterionFilter({ field: 'status', op: 'in', value: [] })).toEqual({
      kind: 'in',
      path: 'fields.status',
      values: [],
    });
  });

  it.each([
    ['no criterion at all', null],
    ['no field', { op: 'eq', value: 'Open' }],
    ['an empty field', { field: '', op: 'eq', value: 'Open' }],
    ['a field that is not a string', { field: 7, op: 'eq', value: 'Open' }],
    ['a field that is a list', { field: ['status'], op: 'eq', value: 'Open' }],
  ])('given %s, then it exposes nothing', (_, raw) => {
    expect(criterionFilter(criterion(raw))).toEqual(NONE);
  });

  it.each([
    ['eq with a list', { field: 'status', op: 'eq', value: ['Open'] }],
    ['ne with an object', { field: 'status', op: 'ne', value: { $ne: 'Open' } }],
    ['eq without a value', { field: 'status', op: 'eq' }],
    ['in with a scalar', { field: 'status', op: 'in', value: 'Open' }],
    ['notIn with a list holding an object', { field: 'status', op: 'notIn', value: ['Open', { x: 1 }] }],
    ['notIn with a list holding a list', { field: 'status', op: 'notIn', value: [['Open']] }],
    ['an unknown op', { field: 'status', op: 'regex', value: 'Op.*' }],
    ['no op', { field: 'status', value: 'Open' }],
  ])('given %s, then it fails closed', (_, raw) => {
    expect(criterionFilter(criterion(raw))).toEqual(NONE);
  });
});
