import fc from 'fast-check';
import { matchesRecordFilter, type RecordFilter } from './record-filter';
import { simplifyFilter } from './simplify-filter';
import { propertyRuns } from './testing/property-runs';

const path = fc.constantFrom('a', 'b', 'tags');
const scalar = fc.constantFrom<string | number | boolean | null>('x', 'y', 1, true, null);

const filterArb: fc.Arbitrary<RecordFilter> = fc.letrec<{ f: RecordFilter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<RecordFilter>({ kind: 'all' }),
    fc.constant<RecordFilter>({ kind: 'none' }),
    fc.record({ kind: fc.constant('eq' as const), path, value: scalar }),
    fc.record({ kind: fc.constant('in' as const), path, values: fc.array(scalar, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('overlaps' as const), path, values: fc.array(scalar, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('isEmpty' as const), path }),
    fc.record({ kind: fc.constant('and' as const), filters: fc.array(tie('f'), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('or' as const), filters: fc.array(tie('f'), { maxLength: 3 }) }),
  ),
})).f;

const docArb = fc.record(
  { a: scalar, b: scalar, tags: fc.array(fc.constantFrom('x', 'y', 1), { maxLength: 2 }) },
  { requiredKeys: [] },
);

describe('simplifyFilter', () => {
  it('matches exactly the documents the original filter matches', () => {
    fc.assert(
      fc.property(filterArb, docArb, (filter, doc) => {
        expect(matchesRecordFilter(doc, simplifyFilter(filter))).toBe(matchesRecordFilter(doc, filter));
      }),
      propertyRuns(500),
    );
  });

  it('leaves no constant inside a group', () => {
    const hasNestedConstant = (f: RecordFilter): boolean =>
      (f.kind === 'and' || f.kind === 'or') &&
      f.filters.some((c) => c.kind === 'all' || c.kind === 'none' || hasNestedConstant(c));
    fc.assert(
      fc.property(filterArb, (filter) => !hasNestedConstant(simplifyFilter(filter))),
      propertyRuns(300),
    );
  });

  it('leaves no group of fewer than two parts: an emptied and is plainly all, an emptied or plainly none', () => {
    const hasSmallGroup = (f: RecordFilter): boolean =>
      (f.kind === 'and' || f.kind === 'or') && (f.filters.length < 2 || f.filters.some(hasSmallGroup));
    fc.assert(
      fc.property(filterArb, (filter) => !hasSmallGroup(simplifyFilter(filter))),
      propertyRuns(300),
    );
    expect(simplifyFilter({ kind: 'and', filters: [{ kind: 'all' }, { kind: 'and', filters: [] }] })).toEqual(
      {
        kind: 'all',
      },
    );
    expect(simplifyFilter({ kind: 'or', filters: [{ kind: 'none' }] })).toEqual({ kind: 'none' });
  });
});
