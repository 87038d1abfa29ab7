// The one place the bench wraps both SQL clients (PgSqlClient, PgliteSqlClient): every statement of
// both SQL stores goes through their query (PGlite's: run) and transaction methods, so a hook here
// sees each one (the bench only; the service itself pays nothing). A transaction is seen as
// 'BEGIN … COMMIT' twice over (two round trips), its statements as '(tx) <text>', a bulk load as
// '(tx) COPY <table>'.
import { PgliteSqlClient, PgSqlClient, type SqlQueryable } from '@portal/platform';

type QueryFn = SqlQueryable['query'];
type TransactionFn = <T>(fn: (tx: SqlQueryable) => Promise<T>) => Promise<T>;

/** Called as each statement is sent: `n` round trips for `text`; returns `run()`'s answer (may watch it). */
export type StatementHook = <T>(text: string, n: number, run: () => Promise<T>) => Promise<T>;

/**
 * Wraps both clients' methods with `hook` (call once per process and hook). On PGlite the hook sees
 * `run`, the statements that reach PGlite: a read its client answers from the results it keeps
 * (cachedRead) is not a statement and is not counted.
 */
export function hookSqlStatements(hook: StatementHook): void {
  for (const [proto, sends] of [
    [PgSqlClient.prototype, 'query'],
    [PgliteSqlClient.prototype, 'run'],
  ] as unknown as Array<
    [Record<'query' | 'run', QueryFn> & { transaction: TransactionFn }, 'query' | 'run']
  >) {
    const send = proto[sends];
    const transaction = proto.transaction;
    proto[sends] = function (this: unknown, text: string, params?: unknown[]) {
      return hook(text, 1, () => send.call(this, text, params));
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
                copyFrom: (table: string, columns: readonly string[], data: string | Uint8Array) =>
                  hook(`(tx) COPY ${table}`, 1, () => tx.copyFrom!(table, columns, data)),
              }),
            }),
          ) as Promise<T>,
      );
    } as TransactionFn;
  }
}
