import type { EventStore } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { measureProjectionLag } from './lag/projection-lag';
import type { Projector } from './projector';

/** Same shape as the API's HealthCheck (structural, so the projector does not depend on the API). */
export interface ProjectorHealthCheck {
  name: string;
  check(): Promise<{ status: 'up' | 'degraded' | 'down'; [detail: string]: unknown }>;
}

/** Lag beyond this is reported as degraded (still serving, but reads may be stale). */
const STALE_AFTER_SECONDS = 30;

/** The projector running in this process: down until it first reached the head, then up with its lag. */
export function projectorHealthCheck(projector: Projector): ProjectorHealthCheck {
  return {
    name: 'projector',
    check: async () => {
      const status = projector.status();
      const lag = await projector.lag();
      const lagReport = { events: lag.events, seconds: Math.round(lag.seconds * 10) / 10 };
      if (!status.caughtUp) {
        return {
          status: 'down',
          reason: 'catching up with the event store',
          lag: lagReport,
          lastError: status.lastError,
        };
      }
      return {
        status: lag.seconds > STALE_AFTER_SECONDS ? 'degraded' : 'up',
        generation: lag.generation,
        checkpoint: lag.checkpoint,
        lag: lagReport,
        ...(status.lastError ? { lastError: status.lastError } : {}),
        ...(status.rebuild ? { rebuild: status.rebuild } : {}),
      };
    },
  };
}

/** For a process without the projector (the API alone): the lag of whichever process runs it. */
export function projectionLagHealthCheck(events: EventStore, store: ReadStore): ProjectorHealthCheck {
  return {
    name: 'projector',
    check: async () => {
      const lag = await measureProjectionLag(events, store);
      return {
        status: lag.seconds > STALE_AFTER_SECONDS ? 'degraded' : 'up',
        generation: lag.generation,
        checkpoint: lag.checkpoint,
        lag: { events: lag.events, seconds: Math.round(lag.seconds * 10) / 10 },
      };
    },
  };
}
