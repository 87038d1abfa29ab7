// `npm run soak -- --minutes 10`: a bounded run of a busy portal's mixed traffic against the
// one-process service (embedded store, projector, API and in-process mailer in one process): 10
// portal users on 3 accounts reading, creating cases and comments, following cases, logging in
// and out; staff changing case statuses and listing cases. A table every 30 s, a verdict at the
// end. Not part of CI. Flags: --minutes (10), --rate (76 req/s), --window (case email coalescing
// window in seconds, 0: every update its own email, the mailer's hardest case).
import { parseArgs } from 'node:util';
import { EmailServiceChild } from './email-service-child';
import type { EmailCounts, SoakSetup } from './email-service';
import { percentile } from './percentile';
import { round } from './raw-store-rates';

const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '76' },
    window: { type: 'string', default: '0' },
    report: { type: 'string', default: '30' },
  },
});
const MINUTES = Number(flags.minutes);
const RATE = Number(flags.rate);
const WINDOW_SECONDS = Number(flags.window);
const REPORT_SECONDS = Number(flags.report);
/** Requests in flight at most: beyond, a tick is skipped (and counted): the service is saturated. */
const MAX_IN_FLIGHT = 200;

type Kind =
  | 'portal list'
  | 'portal case'
  | 'me'
  | 'dashboard'
  | 'comments'
  | 'create case'
  | 'comment'
  | 'follow'
  | 'login'
  | 'logout'
  | 'staff status'
  | 'staff list';

/** Shares of the traffic, per 100 requests (login and logout come in pairs). */
const MIX: [Kind, number][] = [
  ['portal list', 22],
  ['portal case', 15],
  ['me', 10],
  ['dashboard', 8],
  ['comments', 6],
  ['create case', 7],
  ['comment', 7],
  ['follow', 3],
  ['login', 4],
  ['staff status', 12],
  ['staff list', 6],
];

interface Sample {
  kind: Kind;
  ms: number;
  status: number;
  at: number;
}

const log = (text: string): void => void process.stdout.write(`${text}\n`);

class Traffic {
  private readonly casesByAccount: string[][];
  readonly created: { id: string; position: number }[] = [];
  readonly comments: { caseId: string; id: string }[] = [];
  readonly samples: Sample[] = [];
  inFlight = 0;
  skipped = 0;
  private position = 0;

  constructor(
    private readonly url: string,
    private readonly setup: SoakSetup,
  ) {
    this.casesByAccount = Array.from({ length: 3 }, () => []);
  }

  private async call(
    kind: Kind,
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> | undefined; headers: Headers }> {
    const started = performance.now();
    let status = 0;
    try {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      const text = await res.text();
      const token_ = res.headers.get('x-consistency-token');
      if (token_) this.position = Math.max(this.position, Number(token_));
      return {
        status,
        json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
        headers: res.headers,
      };
    } catch {
      return { status: 0, json: undefined, headers: new Headers() };
    } finally {
      this.samples.push({ kind, ms: performance.now() - started, status, at: Date.now() });
    }
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
  }

  /** Cases the portal users created themselves so far: enough to start from. */
  async seed(): Promise<void> {
    for (const user of this.setup.users) await this.createCase(user);
  }

  private async createCase(user: SoakSetup['users'][number]): Promise<void> {
    const base = `/v1/portals/${this.setup.slug}`;
    const res = await this.call('create case', 'POST', `${base}/records/Case`, user.token, {
      name: `Soak case ${this.created.length}`,
      description: 'Made by the soak test.',
    });
    if (res.status === 201 && typeof res.json?.id === 'string') {
      this.created.push({ id: res.json.id, position: Number(res.headers.get('x-consistency-token') ?? 0) });
      this.casesByAccount[user.account]!.push(res.json.id);
    }
  }

  async one(kind: Kind): Promise<void> {
    const user = this.pick(this.setup.users)!;
    const base = `/v1/portals/${this.setup.slug}`;
    const caseId = this.pick(this.casesByAccount[user.account]!);
    switch (kind) {
      case 'portal list':
        await this.call(kind, 'GET', `${base}/records/Case?perPage=20`, user.token);
        return;
      case 'portal case':
        if (caseId) await this.call(kind, 'GET', `${base}/records/Case/${caseId}`, user.token);
        return;
      case 'me':
        await this.call(kind, 'GET', `${base}/me`, user.token);
        return;
      case 'dashboard':
        await this.call(kind, 'GET', `${base}/dashboard`, user.token);
        return;
      case 'comments':
        if (caseId) await this.call(kind, 'GET', `${base}/records/Case/${caseId}/stream`, user.token);
        return;
      case 'create case':
        await this.createCase(user);
        return;
      case 'comment': {
        if (!caseId) return;
        const res = await this.call(kind, 'POST', `${base}/records/Case/${caseId}/stream`, user.token, {
          text: 'Any news on this?',
        });
        if (res.status === 201 && typeof res.json?.id === 'string')
          this.comments.push({ caseId, id: res.json.id });
        return;
      }
      case 'follow':
        if (caseId) await this.call(kind, 'PUT', `${base}/records/Case/${caseId}/follow`, user.token);
        return;
      case 'login': {
        // A session of its own, logged out again: the user's main token stays valid.
        const res = await this.call(kind, 'POST', `${base}/auth/login`, undefined, {
          email: user.email,
          password: 'Customer-password-1!',
        });
        const token = res.json?.accessToken;
        if (typeof token === 'string') await this.call('logout', 'POST', `${base}/auth/logout`, token);
        return;
      }
      case 'staff status': {
        const any = this.pick(this.created);
        if (!any) return;
        const status = this.pick(['Assigned', 'Pending', 'Closed'])!;
        await this.call(kind, 'PATCH', `/v1/records/Case/${any.id}`, this.setup.adminToken, { status });
        return;
      }
      case 'staff list':
        await this.call(kind, 'GET', '/v1/records/Case?perPage=20', this.setup.adminToken);
        return;
      default:
        return;
    }
  }

  /** Every acknowledged case and comment, read back as staff (after every write so far). */
  async missingWrites(): Promise<{ checked: number; missing: number }> {
    const headers = {
      authorization: `Bearer ${this.setup.adminToken}`,
      'x-consistency-token': String(this.position),
    };
    let missing = 0;
    for (const { id } of this.created) {
      const res = await fetch(`${this.url}/v1/records/Case/${id}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) missing += 1;
    }
    const byCase = new Map<string, string[]>();
    for (const c of this.comments) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c.id]);
    for (const [caseId, ids] of byCase) {
      const seen = new Set<string>();
      for (let page = 1; ; page += 1) {
        const res = await fetch(`${this.url}/v1/records/Case/${caseId}/stream?perPage=100&page=${page}`, {
          headers,
        });
        if (res.status !== 200) throw new Error(`reading comments back: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { items: { id: string }[] };
        for (const c of body.items) seen.add(c.id);
        if (body.items.length < 100) break;
      }
      missing += ids.filter((id) => !seen.has(id)).length;
    }
    return { checked: this.created.length + this.comments.length, missing };
  }
}

function pickKind(): Kind {
  const total = MIX.reduce((sum, [, share]) => sum + share, 0);
  let r = Math.random() * total;
  for (const [kind, share] of MIX) if ((r -= share) < 0) return kind;
  return MIX[0]![0];
}

function p(samples: readonly Sample[], q: number): number {
  return round(
    percentile(
      samples.map((s) => s.ms).sort((a, b) => a - b),
      q,
    ),
    1,
  );
}

function pad(value: unknown, width: number): string {
  return String(value).padStart(width);
}

function report(minute: number, window: readonly Sample[], counts: EmailCounts, skipped: number): void {
  const errors = new Map<number, number>();
  for (const s of window)
    if (s.status >= 400 || s.status === 0) errors.set(s.status, (errors.get(s.status) ?? 0) + 1);
  const errorText = errors.size === 0 ? 'none' : [...errors].map(([status, n]) => `${status}×${n}`).join(' ');
  log(
    `\n-- ${minute.toFixed(1)} min: ${window.length} requests (${round(window.length / REPORT_SECONDS, 1)}/s), errors ${errorText}, skipped ${skipped}, RSS ${counts.rssMiB} MiB, projector lag ${counts.projectorLag} events, pending emails ${counts.pending} (+${counts.scheduled} in their window)`,
  );
  log(`   ${'kind'.padEnd(14)}${pad('n', 6)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}`);
  for (const [kind] of [...MIX, ['logout', 0] as [Kind, number]]) {
    const of = window.filter((s) => s.kind === kind);
    if (of.length > 0)
      log(`   ${kind.padEnd(14)}${pad(of.length, 6)}${pad(p(of, 50), 9)}${pad(p(of, 99), 9)}`);
  }
}

/** Least-squares slope of (minutes, MiB) points, MiB per minute. */
function slope(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  log(
    `soak: ${MINUTES} min at ${RATE} req/s, case email window ${WINDOW_SECONDS} s, one-process service (embedded store, in-process mailer)`,
  );
  const service = await EmailServiceChild.start();
  try {
    const setup = await service.request<'soakSetup', SoakSetup>('soakSetup', { accounts: 3, users: 10 });
    await service.request('startMailer', { untilIdle: true, windowSeconds: WINDOW_SECONDS });
    const traffic = new Traffic(service.url, setup);
    await traffic.seed();
    traffic.samples.length = 0;

    const started = Date.now();
    const end = started + MINUTES * 60_000;
    const rss: [number, number][] = [];
    let maxPending = 0;
    let reportedUpTo = 0;
    let nextReport = started + REPORT_SECONDS * 1000;
    const sampler = setInterval(() => {
      void service.request<'counts', EmailCounts>('counts', {}).then((c) => {
        rss.push([(Date.now() - started) / 60_000, c.rssMiB]);
        maxPending = Math.max(maxPending, c.pending);
      });
    }, 5_000);
    // Open loop: requests start on a schedule whatever the answers' speed (a slow service queues up).
    const running = new Set<Promise<void>>();
    let due = started;
    while (Date.now() < end) {
      due += 1000 / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (running.size >= MAX_IN_FLIGHT) {
        traffic.skipped += 1;
      } else {
        const run = traffic.one(pickKind()).finally(() => running.delete(run));
        running.add(run);
      }
      if (Date.now() >= nextReport) {
        const counts = await service.request<'counts', EmailCounts>('counts', {});
        maxPending = Math.max(maxPending, counts.pending);
        const window = traffic.samples.slice(reportedUpTo);
        reportedUpTo = traffic.samples.length;
        report((Date.now() - started) / 60_000, window, counts, traffic.skipped);
        nextReport += REPORT_SECONDS * 1000;
      }
    }
    await Promise.all(running);
    clearInterval(sampler);
    const stoppedAt = Date.now();

    // The backlog after the traffic: owed emails back to 0 within 10 s?
    let drainedInS: number | undefined;
    let last: EmailCounts | undefined;
    while (Date.now() - stoppedAt < 60_000) {
      last = await service.request<'counts', EmailCounts>('counts', {});
      if (last.pending === 0 && last.projectorLag === 0) {
        drainedInS = (Date.now() - stoppedAt) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const writes = await traffic.missingWrites();

    const all = traffic.samples;
    const minutes = (s: Sample) => (s.at - started) / 60_000;
    const span = round(Math.min(2, MINUTES / 3), 2);
    const first = all.filter((s) => minutes(s) < span);
    const lastSpan = all.filter((s) => minutes(s) >= MINUTES - span);
    const drift = p(first, 50) > 0 ? round(p(lastSpan, 50) / p(first, 50), 2) : 0;
    const fiveXX = all.filter((s) => s.status >= 500 || s.status === 0).length;
    const lastThird = rss.filter(([m]) => m >= (MINUTES * 2) / 3);
    const rssSlope = round(slope(lastThird), 2);
    const checks: [string, boolean, string][] = [
      ['0 5xx (or network errors)', fiveXX === 0, `${fiveXX} of ${all.length} requests`],
      [
        `p50 of the last ${span} min within 1.25× of the first ${span} min`,
        drift > 0 && drift <= 1.25,
        `${p(first, 50)} → ${p(lastSpan, 50)} ms (${drift}×)`,
      ],
      [
        'RSS slope over the last third ≤ 1 MiB/min',
        rssSlope <= 1,
        `${rssSlope} MiB/min (${lastThird.length} samples, ${lastThird[0]?.[1] ?? '?'} → ${lastThird[lastThird.length - 1]?.[1] ?? '?'} MiB)`,
      ],
      ['pending emails never above 200', maxPending <= 200, `max ${maxPending}`],
      [
        'pending emails back to 0 within 10 s of the end',
        drainedInS !== undefined && drainedInS <= 10,
        drainedInS === undefined ? `still ${last?.pending} after 60 s` : `${round(drainedInS, 1)} s`,
      ],
      [
        'every acknowledged write present',
        writes.missing === 0,
        `${writes.missing} missing of ${writes.checked}`,
      ],
    ];
    log(
      `\n== verdict: ${all.length} requests in ${MINUTES} min (${round(all.length / (MINUTES * 60), 1)}/s), ${traffic.created.length} cases, ${traffic.comments.length} comments, ${traffic.skipped} ticks skipped ==`,
    );
    for (const [what, ok, detail] of checks) log(`${ok ? 'PASS' : 'FAIL'}  ${what}: ${detail}`);
    process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    await service.request('stop', {}).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
