import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * Texts marked at most: a statement built from parts (a projector batch's writes, by the
 * collections it touches) has a bounded set of shapes, but should a caller build more than that,
 * the rest run unnamed instead of each connection keeping a statement per text without end.
 */
const MAX_NAMED_TEXTS = 512;

/**
 * Marks a statement text as one to prepare: on PostgreSQL (pg) it then runs as a named statement,
 * parsed and planned once per connection instead of on every call. Meant for the fixed statements
 * of the hot paths (a session read, a stream's new events, a single append); not for texts that
 * vary with a filter (each would be prepared anew, and a generic plan could misjudge a filter's
 * selectivity). PGlite runs them as named statements too (PglitePreparedStatements). Answers the text unchanged.
 */
export function prepared(text: string): string {
  if (!names.has(text) && names.size < MAX_NAMED_TEXTS)
    names.set(text, `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
  return text;
}

/** The statement name of a text marked with prepared(), if it was. */
export function preparedNameOf(text: string): string | undefined {
  return names.get(text);
}
