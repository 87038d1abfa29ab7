// Counts the store statements each kind of HTTP request makes, inside the bench service: a figure
// that machine load cannot move (unlike req/s). Every SQL statement of both SQL stores goes through
// PgSqlClient or PgliteSqlClient, so their query and transaction methods are wrapped here (the bench
// only; the service itself pays nothing). A request's statements are attributed through
// AsyncLocalStorage, so the projector's and the seeder's statements, which run outside any
// request, are not counted against it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { PgliteSqlClient, PgSqlClient, type SqlQueryable } from '@portal/platform';

/** What the bench tells apart; `other` is everything else (logins, admin calls of the fixture). */
export type RequestKind = 'scopedList' | 'record' | 'createCase' | 'health' | 'bare' | 'other';

export interface KindCount {
  requests: number;
  statements: number;
}

export type StatementCounts = Partial<Record<RequestKind, KindCount & { perRequest: number }>>;

interface Bucket {
  kind: RequestKind;
}

type QueryFn = SqlQueryable['query'];
type TransactionFn = <T>(fn: (tx: SqlQueryable) => Promise<T>) => Promise<T>;

export class StatementCounter {
  private readonly current = new AsyncLocalStorage<Bucket>();
  private counts = new Map<RequestKind, KindCount>();

  /** Wraps both SQL clients' methods (once per process). */
  install(): void {
    for (const proto of [PgSqlClient.prototype, PgliteSqlClient.prototype] as Array<{
      query: QueryFn;
      transaction: TransactionFn;
    }>) {
      const query = proto.query;
      const transaction = proto.transaction;
      const count = (n: number): void => this.add(n);
      proto.query = function (this: unknown, text: string, params?: unknown[]) {
        count(1);
        return query.call(this, text, params);
      } as QueryFn;
      proto.transaction = function <T>(this: unknown, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
        count(2); // BEGIN and COMMIT (or ROLLBACK): round trips like any other statement.
        return transaction.call(this, (tx: SqlQueryable) =>
          fn({
            query: ((text: string, params?: unknown[]) => {
              count(1);
              return tx.query(text, params);
            }) as QueryFn,
          }),
        ) as Promise<T>;
      } as TransactionFn;
    }
  }

  /** Runs every request of `server` in its own bucket, named by what the request is. */
  attachTo(server: Server): void {
    const listeners = server.listeners('request') as Array<
      (req: IncomingMessage, res: ServerResponse) => void
    >;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const bucket: Bucket = { kind: kindOf(req.method ?? 'GET', req.url ?? '/') };
      res.on('finish', () => this.entry(bucket.kind).requests++);
      this.current.run(bucket, () => {
        for (const listener of listeners) listener.call(server, req, res);
      });
    });
  }

  reset(): void {
    this.counts = new Map();
  }

  snapshot(): StatementCounts {
    const out: StatementCounts = {};
    for (const [kind, { requests, statements }] of this.counts) {
      out[kind] = {
        requests,
        statements,
        perRequest: requests > 0 ? Number((statements / requests).toFixed(3)) : 0,
      };
    }
    return out;
  }

  private add(n: number): void {
    const bucket = this.current.getStore();
    if (bucket) this.entry(bucket.kind).statements += n;
  }

  private entry(kind: RequestKind): KindCount {
    let entry = this.counts.get(kind);
    if (!entry) this.counts.set(kind, (entry = { requests: 0, statements: 0 }));
    return entry;
  }
}

function kindOf(method: string, url: string): RequestKind {
  const path = url.split('?')[0];
  if (path === '/health' || path.startsWith('/health/')) return 'health';
  if (path.startsWith('/bench/')) return 'bare';
  const record = /^\/v1\/portals\/[^/]+\/records\/[^/]+(\/[^/]+)?$/.exec(path);
  if (record && method === 'GET') return record[1] ? 'record' : 'scopedList';
  if (record && method === 'POST' && !record[1] && path.endsWith('/Case')) return 'createCase';
  return 'other';
}
