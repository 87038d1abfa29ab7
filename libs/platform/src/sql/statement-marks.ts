// Marks on statement texts that PGlite's client reads (PgliteSqlClient, ReadResultCache): comments,
// so a text runs unchanged on PostgreSQL (where they change nothing) and shows as marked in a log.
const CACHED_READ = '/* cached read */ ';
const READ_ONLY = '/* read only */ ';

/**
 * Marks a statement as a read whose result may be answered again without running it, while no
 * statement that may write has run since: only a SELECT that writes nothing and whose answer
 * depends on nothing but the tables and its parameters (no now(), random(), sequences, statistics
 * or session settings). Meant for the hot reads of a request (the portal guard's session read, a
 * list's page). Never mark a statement whose rows a caller changes in place: a kept result is
 * shared, and frozen.
 */
export function cachedRead(text: string): string {
  return isCachedRead(text) ? text : CACHED_READ + text;
}

/** Whether a text was marked with cachedRead(). */
export function isCachedRead(text: string): boolean {
  return text.startsWith(CACHED_READ);
}

/**
 * Marks a statement as one that changes nothing (a SELECT of tables, calling no function that
 * writes): PGlite's client then keeps what it kept, where any other statement would end it. Its
 * own result is not kept. Meant for reads made often outside requests (the projector's polls of
 * the log, a document by id).
 */
export function readOnly(text: string): string {
  return isReadOnly(text) ? text : READ_ONLY + text;
}

/** Whether a text was marked with readOnly(). */
export function isReadOnly(text: string): boolean {
  return text.startsWith(READ_ONLY);
}
