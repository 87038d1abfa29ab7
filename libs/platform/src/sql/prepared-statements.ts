import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * Marks a statement text as one to prepare: on PostgreSQL (pg) it then runs as a named statement,
 * parsed and planned once per connection instead of on every call. Meant for the fixed statements
 * of the hot paths (a session read, a stream's new events, a single append); not for texts that
 * vary with a filter (each would be prepared anew, and a generic plan could misjudge a filter's
 * selectivity). PGlite runs in this process and prepares nothing. Answers the text unchanged.
 */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
  return text;
}

/** The statement name of a text marked with prepared(), if it was. */
export function preparedNameOf(text: string): string | undefined {
  return names.get(text);
}
