/**
 * What the SQL adapters (event store and read store) need from a Postgres connection, whether it
 * is a pg pool to a server or PGlite in-process. One SQL dialect, two transports.
 */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
  /**
   * Loads rows with COPY FROM in text format (`data`: one row a line, columns tab-separated, escaped
   * as copyTextField does; a string or its UTF-8 bytes), into `table (columns)`. A bulk insert so
   * costs about half the CPU of splitting one JSON parameter into rows. Both clients' transactions
   * have it (PGlite reads it from a file in its in-memory file system, the pg client streams it
   * with pg-copy-streams); a queryable without it gets the JSON insert.
   */
  copyFrom?(table: string, columns: readonly string[], data: string | Uint8Array): Promise<void>;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value as a field of COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyTextField(value: string): string {
  // Most values hold none of them: a test is cheaper than a replace that finds nothing.
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

/**
 * JSON.stringify's output as a field of COPY's text format, as copyTextField would give it:
 * JSON writes every control character as an escape sequence, so a JSON text holds no tab, newline
 * or carriage return and only its backslashes need doubling (~0.5 µs less per document of ~750
 * characters, two per event in a replay). For JSON.stringify's output only.
 */
export function copyJsonField(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

export interface SqlClient extends SqlQueryable {
  readonly kind: 'postgres' | 'embedded';
  /**
   * Runs fn in one transaction (READ COMMITTED). Inside fn use only `tx`: on PGlite every other
   * query waits for the transaction, so calling the client itself there would deadlock.
   */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves to an unlisten function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Quotes an identifier (schema or table name) for SQL text. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
