import { deepFrozen } from '../auth/read-model-cache/checkpoint-cache';
import { parseListQuery, type ListQuery, type ListQueryOptions } from './list-query';

/** Queries kept per options object; past it (a client paging far, or probing) parsed per request. */
const KEPT_PER_OPTIONS = 256;

/**
 * parseListQuery, with each valid answer kept per options object and by the query's JSON: a list's
 * next requests with the same query string (a client polling its page) skip the zod parse. Exact
 * because parseListQuery is a function of the query and the options alone, and the options are
 * made once per list definition and readable-field set (PortalListOptions) and frozen, so one
 * object always asks the same. The JSON of a parsed query string (strings and arrays of strings,
 * in the order of the URL) tells two queries apart; an invalid query is refused every time, never
 * kept. Answers are shared between requests, hence frozen.
 */
export class KeptListQueries {
  private readonly byOptions = new WeakMap<ListQueryOptions, Map<string, ListQuery>>();

  parse(query: Record<string, unknown>, options: ListQueryOptions): ListQuery {
    let kept = this.byOptions.get(options);
    if (kept === undefined) this.byOptions.set(options, (kept = new Map()));
    const key = JSON.stringify(query ?? {});
    let parsed = kept.get(key);
    if (parsed === undefined) {
      parsed = deepFrozen(parseListQuery(query, options));
      if (kept.size < KEPT_PER_OPTIONS) kept.set(key, parsed);
    }
    return parsed;
  }
}
