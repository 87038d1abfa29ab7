import { ALL, NONE, type RecordFilter } from './record-filter';

/**
 * The same filter with constant parts folded away (`and` with `none` is `none`, `all` inside an
 * `and` disappears, one-element groups unwrap), so stores get small queries and an empty scope
 * is plainly `none`.
 */
export function simplifyFilter(filter: RecordFilter): RecordFilter {
  if (filter.kind !== 'and' && filter.kind !== 'or') return filter;
  const neutral = filter.kind === 'and' ? 'all' : 'none';
  const absorbing = filter.kind === 'and' ? 'none' : 'all';
  const parts: RecordFilter[] = [];
  for (const child of filter.filters.map(simplifyFilter)) {
    if (child.kind === absorbing) return child.kind === 'all' ? ALL : NONE;
    if (child.kind === neutral) continue;
    if (child.kind === filter.kind) parts.push(...child.filters);
    else parts.push(child);
  }
  if (parts.length === 0) return neutral === 'all' ? ALL : NONE;
  if (parts.length === 1) return parts[0];
  return { kind: filter.kind, filters: parts };
}
