import { z } from 'zod';
import { and, ALL, RecordFilter, Scalar } from '@portal/acl';
import type { SortKey } from '@portal/read-store';
import { ProblemException } from './problem';
import { zodIssuesToErrors } from './zod-validation.pipe';

/** `?page=1&perPage=20&sort=field&order=asc|desc&filter[field]=value`, as shared/API.md fixes it. */
export interface ListQuery {
  page: number;
  perPage: number;
  sort: SortKey[];
  offset: number;
  limit: number;
  /** Equality filters from `filter[field]=value`, already mapped to document paths. */
  filter: RecordFilter;
  /** The raw `filter[...]` values by field name, for callers that filter in their own way. */
  filters: Record<string, string>;
}

export interface ListQueryOptions {
  /** Field name in the query → document path. Others are refused with 400. */
  sortable: Record<string, string>;
  filterable: Record<string, string>;
  defaultSort: SortKey[];
  /** Other query parameters the endpoint accepts besides the list ones (e.g. `portalId`). */
  extra?: string[];
}

const MAX_PER_PAGE = 100;
/** Far beyond any list, and small enough that the offset stays an exact integer in every store. */
const MAX_PAGE = 10_000_000;

const base = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
  sort: z.string().optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** Filter values are strings in a URL; `true`/`false`/`null` mean those JSON values. */
function filterValue(raw: string): Scalar {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  return raw;
}

export function parseListQuery(query: Record<string, unknown>, options: ListQueryOptions): ListQuery {
  const filters: Record<string, string> = {};
  const errors: { path: string; message: string }[] = [];
  const listParams: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    const match = /^filter\[([A-Za-z0-9_.]+)\]$/.exec(key);
    if (match) {
      // Own properties only: `constructor` or `__proto__` are on every object's prototype.
      if (!Object.hasOwn(options.filterable, match[1]))
        errors.push({ path: `/query/${key}`, message: `cannot filter by ${match[1]}` });
      else if (typeof value !== 'string')
        errors.push({ path: `/query/${key}`, message: 'must be given once' });
      else filters[match[1]] = value;
    } else if (Object.hasOwn(base.shape, key)) {
      listParams[key] = value;
    } else if (!options.extra?.includes(key)) {
      errors.push({ path: `/query/${key}`, message: 'unknown query parameter' });
    }
  }
  const parsed = base.safeParse(listParams);
  if (!parsed.success) errors.push(...zodIssuesToErrors(parsed.error.issues, '/query'));
  if (
    parsed.success &&
    parsed.data.sort !== undefined &&
    !Object.hasOwn(options.sortable, parsed.data.sort)
  ) {
    errors.push({
      path: '/query/sort',
      message: `cannot sort by ${parsed.data.sort}; one of ${Object.keys(options.sortable).join(', ')}`,
    });
  }
  if (errors.length > 0 || !parsed.success) {
    throw ProblemException.of(400, 'validation_failed', 'The list query is not valid.', errors);
  }
  const { page, perPage, sort, order } = parsed.data;
  const sortKeys: SortKey[] =
    sort === undefined ? options.defaultSort : [{ path: options.sortable[sort], direction: order }];
  const conditions = Object.entries(filters).map(([field, raw]): RecordFilter => ({
    kind: 'eq',
    path: options.filterable[field],
    value: filterValue(raw),
  }));
  return {
    page,
    perPage,
    sort: sortKeys,
    offset: (page - 1) * perPage,
    limit: perPage,
    filter: conditions.length === 0 ? ALL : and(...conditions),
    filters,
  };
}

/** The list answer of shared/API.md. */
export function listAnswer<T>(items: T[], total: number, query: Pick<ListQuery, 'page' | 'perPage'>) {
  return { items, total, page: query.page, perPage: query.perPage };
}
