import type { EventStore } from '@portal/event-store';
import type { ServiceConfig, ServiceLogger } from '@portal/platform';
import { runSignInRetention } from './sign-in-retention';

export interface SignInRetentionOptions {
  /** Between runs; default a day. */
  intervalMs?: number;
  /** Before the first run; default a minute (after a start, not in its way). */
  firstRunMs?: number;
  now?: () => Date;
}

export interface RunningSignInRetention {
  stop(): Promise<void>;
}

/**
 * The sign-in retention job of the projector role (one per deployment, like the blob sweeper):
 * daily, RETENTION_DAYS (180). Its log lines carry `component: sign-in-retention` and counts only.
 */
export function startSignInRetention(
  config: ServiceConfig,
  eventStore: EventStore,
  log: ServiceLogger,
  options: SignInRetentionOptions = {},
): RunningSignInRetention {
  const child = log.child({ component: 'sign-in-retention' });
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = () => {
    running = runSignInRetention({
      eventStore,
      retentionDays: config.retentionDays ?? 180,
      now: options.now ?? (() => new Date()),
      log: (fields, message) => child.info(fields, message),
    }).catch((error: unknown) => child.error({ err: error }, 'sign-in retention failed; retried next run'));
    return running;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(() => schedule(options.intervalMs ?? 86_400_000)), ms);
    timer.unref();
  };
  schedule(options.firstRunMs ?? 60_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
