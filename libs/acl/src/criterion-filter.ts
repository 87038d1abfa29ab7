import type { Criterion } from './portal-context';
import { NONE, type RecordFilter, type Scalar } from './record-filter';

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isScalarList(value: unknown): value is Scalar[] {
  return Array.isArray(value) && value.every(isScalar);
}

/**
 * One portal record criterion as a filter on `fields.<field>`. A malformed criterion (a list where
 * a value belongs or the reverse, an unknown op) exposes nothing: it fails closed.
 */
export function criterionFilter(criterion: Criterion): RecordFilter {
  if (typeof criterion?.field !== 'string' || criterion.field === '') return NONE;
  const path = `fields.${criterion.field}`;
  const { op, value } = criterion;
  switch (op) {
    case 'eq':
    case 'ne':
      return isScalar(value) ? { kind: op, path, value } : NONE;
    case 'in':
    case 'notIn':
      return isScalarList(value) ? { kind: op, path, values: value } : NONE;
    default:
      return NONE;
  }
}
