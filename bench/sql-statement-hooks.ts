// The one place the bench wraps both SQL clients (PgSqlClient, PgliteSqlClient): every statement of
// both SQL stores goes through their query and transaction methods, so a hook here sees each one
// (the bench only; the service itself pays nothing). A transaction is seen as 'BEGIN … COMMIT'
// twice over (two round trips), its statements as '(tx) <text>', a bulk load as '(tx) COPY <table>'.
import { PgliteSqlClient, PgSqlClient, type SqlQueryable } from '@portal/platform';

type QueryFn = SqlQueryable['query'];
type TransactionFn = <T>(fn: (tx: SqlQueryable) => Promise<T>) => Promise<T>;

/** Called as each statement is sent: `n` round trips for `text`; returns `run()`'s answer (may watch it). */
export type StatementHook = <T>(text: string, n: number, run: () => Promise<T>) => Promise<T>;

/** Wraps both clients' methods with `hook` (call once per process and hook). */
export function hookSqlStatements(hook: StatementHook): void {
  for (const proto of [PgSqlClient.prototype, PgliteSqlClient.prototype] as Array<{
    query: QueryFn;
    transaction: TransactionFn;
  }>) {
    const query = proto.query;
    const transaction = proto.transaction;
    proto.query = function (this: unknown, text: string, params?: unknown[]) {
      return hook(text, 1, () => query.call(this, text, params));
    } as QueryFn;
    proto.transaction = function <T>(this: unknown, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      return hook(
        'BEGIN … COMMIT',
        2,
        () =>
          transaction.call(this, (tx: SqlQueryable) =>
            fn({
              query: ((text: string, params?: unknown[]) =>
                hook(`(tx) ${text}`, 1, () => tx.query(text, params))) as QueryFn,
              // Kept (PGlite's bulk insert): a wrapper without it would measure the fallback instead.
              ...(tx.copyFrom && {
                copyFrom: (table: string, columns: readonly string[], data: string) =>
                  hook(`(tx) COPY ${table}`, 1, () => tx.copyFrom!(table, columns, data)),
              }),
            }),
          ) as Promise<T>,
      );
    } as TransactionFn;
  }
}
