// Counts the store statements each kind of HTTP request makes, inside the bench service: a figure
// that machine load cannot move (unlike req/s). Every SQL statement of both SQL stores goes through
// PgSqlClient or PgliteSqlClient, whose statements sql-statement-hooks.ts hooks for it (the bench
// only; the service itself pays nothing). A request's statements are attributed through
// AsyncLocalStorage, so the projector's and the seeder's statements, which run outside any
// request, are not counted against it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { hookSqlStatements } from './sql-statement-hooks';

/**
 * What the bench tells apart; `other` is everything else (logins, admin calls of the fixture);
 * `background` is what runs outside any request (the projector, the seeder): it has no requests.
 */
export type RequestKind = 'scopedList' | 'record' | 'createCase' | 'health' | 'bare' | 'other' | 'background';

export interface KindCount {
  requests: number;
  statements: number;
}

export type StatementCounts = Partial<
  Record<RequestKind, KindCount & { perRequest: number; texts?: Record<string, number> }>
>;

/** BENCH_STATEMENT_TEXTS=true: the snapshot also counts each statement's first words, per kind. */
const KEEP_TEXTS = process.env.BENCH_STATEMENT_TEXTS === 'true';

interface Bucket {
  kind: RequestKind;
}

const TEXT_PREFIX = 160;

const BACKGROUND: Bucket = { kind: 'background' };

export class StatementCounter {
  private readonly current = new AsyncLocalStorage<Bucket>();
  private counts = new Map<RequestKind, KindCount>();
  private texts = new Map<RequestKind, Map<string, number>>();

  /** Hooks both SQL clients' statements (once per process). */
  install(): void {
    hookSqlStatements((text, n, run) => {
      this.add(n, text);
      return run();
    });
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
    this.texts = new Map();
  }

  /** Every statement counted since the last reset, of any kind. */
  total(): number {
    let n = 0;
    for (const { statements } of this.counts.values()) n += statements;
    return n;
  }

  snapshot(): StatementCounts {
    const out: StatementCounts = {};
    for (const [kind, { requests, statements }] of this.counts) {
      out[kind] = {
        requests,
        statements,
        perRequest: requests > 0 ? Number((statements / requests).toFixed(3)) : 0,
        ...(KEEP_TEXTS ? { texts: Object.fromEntries(this.texts.get(kind) ?? []) } : {}),
      };
    }
    return out;
  }

  private add(n: number, text?: string): void {
    const bucket = this.current.getStore() ?? BACKGROUND;
    this.entry(bucket.kind).statements += n;
    if (!KEEP_TEXTS || text === undefined) return;
    let texts = this.texts.get(bucket.kind);
    if (!texts) this.texts.set(bucket.kind, (texts = new Map()));
    const key = text.replace(/\s+/g, ' ').trim().slice(0, TEXT_PREFIX);
    texts.set(key, (texts.get(key) ?? 0) + n);
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
