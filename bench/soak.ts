// `npm run soak -- --minutes 10`: a bounded run of a busy portal's mixed traffic against the
// one-process service (embedded store, projector, API and in-process mailer in one process): 10
// portal users on 3 accounts reading, creating cases and comments, following cases, logging in
// and out; staff changing case statuses and listing cases. A table every 30 s, a verdict at the
// end. Not part of CI. Flags: --minutes (10), --rate (76 req/s), --window (case email coalescing
// window in seconds, 0: every update its own email, the mailer's hardest case), --report (seconds
// per table), --profile-dir (a CPU profile of the service per table), --statements (the window's
// most frequent statements). Each table gives the service's CPU and statements per request: figures
// a busy machine hardly moves, so drift shows in them even when latencies are noisy.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmailServiceChild } from './email-service-child';
import type { EmailCounts, SoakSetup } from './email-service';
import { percentile } from './percentile';
import { round } from './raw-store-rates';
import { MIX, pickKind, Traffic, type Kind, type Sample } from './soak-traffic';

const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '76' },
    window: { type: 'string', default: '0' },
    report: { type: 'string', default: '30' },
    'profile-dir': { type: 'string' },
    statements: { type: 'boolean', default: false },
  },
});
const MINUTES = Number(flags.minutes);
const RATE = Number(flags.rate);
const WINDOW_SECONDS = Number(flags.window);
const REPORT_SECONDS = Number(flags.report);
/** --profile-dir <dir>: one CPU profile of the service per report window (compare early with late). */
const PROFILE_DIR = flags['profile-dir'];
/** --statements: each window also lists its most frequent statements (first words). */
const STATEMENT_TEXTS = flags.statements;
/** Requests in flight at most: beyond, a tick is skipped (and counted): the service is saturated. */
const MAX_IN_FLIGHT = 200;

const log = (text: string): void => void process.stdout.write(`${text}\n`);

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

/** What the service spent in one report window, per request of that window. */
function costText(window: readonly Sample[], counts: EmailCounts, before: EmailCounts): string {
  const n = Math.max(1, window.length);
  return `service CPU ${round((counts.cpuMs - before.cpuMs) / n, 2)} ms/request, ${round((counts.statements - before.statements) / n, 2)} statements/request, heap ${counts.heapUsedMiB} MiB`;
}

function statementGrowth(counts: EmailCounts, before: EmailCounts, requests: number): string[] {
  return Object.entries(counts.statementKinds)
    .map(([text, n]): [string, number] => [text, n - (before.statementKinds[text] ?? 0)])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([text, n]) => `   ${pad(round(n / Math.max(1, requests), 3), 7)}/req  ${text}`);
}

function report(
  minute: number,
  window: readonly Sample[],
  counts: EmailCounts,
  before: EmailCounts,
  skipped: number,
): void {
  const errors = new Map<number, number>();
  for (const s of window)
    if (s.status >= 400 || s.status === 0) errors.set(s.status, (errors.get(s.status) ?? 0) + 1);
  const errorText = errors.size === 0 ? 'none' : [...errors].map(([status, n]) => `${status}×${n}`).join(' ');
  log(
    `\n-- ${minute.toFixed(1)} min: ${window.length} requests (${round(window.length / REPORT_SECONDS, 1)}/s), errors ${errorText}, skipped ${skipped}, RSS ${counts.rssMiB} MiB, projector lag ${counts.projectorLag} events, pending emails ${counts.pending} (+${counts.scheduled} in their window)`,
  );
  log(`   ${costText(window, counts, before)}`);
  if (STATEMENT_TEXTS) for (const line of statementGrowth(counts, before, window.length)) log(line);
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
    let before = await service.request<'counts', EmailCounts>('counts', {});
    let profiles = 0;
    if (PROFILE_DIR) await service.request('profile', {});

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
        report((Date.now() - started) / 60_000, window, counts, before, traffic.skipped);
        before = counts;
        if (PROFILE_DIR) {
          profiles += 1;
          const file = join(PROFILE_DIR, `soak-${String(profiles).padStart(2, '0')}.cpuprofile`);
          await service.request('profile', { file });
          await service.request('profile', {});
        }
        nextReport += REPORT_SECONDS * 1000;
      }
    }
    await Promise.all(running);
    clearInterval(sampler);
    if (PROFILE_DIR) await service.request('profile', { file: join(PROFILE_DIR, 'soak-end.cpuprofile') });
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
