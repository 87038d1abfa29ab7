// BENCH_RYW_TRACE=<file>: timestamps inside the bench service, for taking a read-your-writes read
// apart (bench/ryw-split.ts reads the file): each store statement sent and answered, each
// notification received, each checkpoint this process's projector announced, each checkpoint wait,
// the portal guard, the consistency interceptor, and each HTTP request's arrival, head and finish.
// Written at the service's stop. Unset, nothing is hooked and nothing is kept.
import { appendFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { PgliteSqlClient, PgSqlClient } from '@portal/platform';
import { SqlReadStore, type ReadStore } from '@portal/read-store';
import { PortalUserAuthGuard } from '../apps/api/src/auth/portal-user-auth.guard';
import { ConsistencyInterceptor } from '../apps/api/src/http/consistency.interceptor';
import { hookSqlStatements } from './sql-statement-hooks';

const FILE = process.env.BENCH_RYW_TRACE;
const lines: string[] = [];

function stamp(label: string): void {
  lines.push(`${performance.now().toFixed(3)} ${label}`);
}

/** Wraps `proto[name]` so that `before` (and `after`, once it settled) stamp around each call. */
function around(proto: object, name: string, before: (args: unknown[]) => string, after?: string): void {
  const target = proto as Record<string, (...args: unknown[]) => unknown>;
  const original = target[name]!;
  target[name] = function (this: unknown, ...args: unknown[]) {
    stamp(before(args));
    const result = original.apply(this, args);
    if (after && result instanceof Promise) void result.finally(() => stamp(after)).catch(() => undefined);
    return result;
  };
}

/** Hooks the SQL clients, the waits and the guard (before the stores open: the projector's listener included). */
export function traceStatementsAndWaits(): void {
  if (!FILE) return;
  hookSqlStatements(async (text, _n, run) => {
    const short = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    stamp(`sql> ${short}`);
    try {
      return await run();
    } finally {
      stamp(`sql< ${short}`);
    }
  });
  for (const proto of [PgSqlClient.prototype, PgliteSqlClient.prototype]) {
    const client = proto as unknown as Record<'listen', (c: string, f: (p: string) => void) => unknown>;
    const listen = client.listen;
    client.listen = function (this: unknown, channel: string, onPayload: (payload: string) => void) {
      return listen.call(this, channel, (payload: string) => {
        stamp(`notify ${channel} ${payload}`);
        onPayload(payload);
      });
    };
  }
  around(SqlReadStore.prototype, 'waitForCheckpoint', (args) => `wait> ${String(args[1])}`, 'wait<');
  around(PortalUserAuthGuard.prototype, 'canActivate', () => 'guard>', 'guard<');
  around(ConsistencyInterceptor.prototype, 'intercept', () => 'interceptor');
}

/** Hooks the announcements of this process's projector's commits and the HTTP server's requests. */
export function traceAnnouncementsAndRequests(readStore: ReadStore, server: Server): void {
  if (!FILE) return;
  const announcements = (readStore as unknown as { announcements?: object }).announcements;
  if (announcements)
    around(announcements, 'announce', (args) => `announce ${String(args[0])} ${String(args[1])}`);
  server.prependListener('request', (request, response) => {
    stamp(`http> ${request.method} ${request.url}`);
    around(response, 'writeHead', () => 'writeHead');
    response.on('finish', () => stamp(`http< ${request.method} ${response.statusCode}`));
  });
}

/** Appends what was stamped to the file. */
export function writeTrace(): void {
  if (FILE && lines.length > 0) appendFileSync(FILE, `${lines.splice(0).join('\n')}\n`);
}
