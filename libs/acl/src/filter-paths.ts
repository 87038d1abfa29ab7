import type { RecordFilter } from './record-filter';

/**
 * Every document path a filter reads: what a store's counts kept over some paths must cover to
 * answer a total for it (IndexSpec kind `counts` of the read store).
 */
export function filterPaths(filter: RecordFilter): Set<string> {
  const paths = new Set<string>();
  const visit = (f: RecordFilter): void => {
    if (f.kind === 'and' || f.kind === 'or') f.filters.forEach(visit);
    else if (f.kind !== 'all' && f.kind !== 'none') paths.add(f.path);
  };
  visit(filter);
  return paths;
}
