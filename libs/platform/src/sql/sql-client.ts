/**
 * What the SQL adapters (event store and read store) need from a Postgres connection, whether it
 * is a pg pool to a server or PGlite in-process. One SQL dialect, two transports.
 */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
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
