import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { sharedSample } from '@portal/platform';
import type { ProjectionLag, ProjectorObserver } from '@portal/projector';

/**
 * The projector's series: events folded and batch sizes (counted as batches commit, live and
 * rebuild apart) and, read at scrape time, how far the served read models are behind the event store. `lag` is the projector's
 * own measure where it runs in this process, else the stores' (any process can read it).
 */
export function registerProjectorMetrics(
  registry: Registry,
  lag: () => Promise<ProjectionLag>,
): ProjectorObserver {
  const registers = [registry];
  // `work`: live (following the served generation) or rebuild (replaying the history into a new one).
  const events = new Counter({
    name: 'portal_projector_events_total',
    help: 'Events folded into the read models, by work: live (the generation followed) or rebuild (a replay into a new generation).',
    labelNames: ['work'] as const,
    registers,
  });
  const batchSize = new Histogram({
    name: 'portal_projector_batch_size_events',
    help: 'Events per committed batch (one read-store transaction each), by work: live or rebuild.',
    labelNames: ['work'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000],
    registers,
  });
  const sample = sharedSample(lag);
  const gauge = (name: string, help: string, value: (lag: ProjectionLag) => number): void => {
    new Gauge({
      name,
      help,
      registers,
      // A store that does not answer leaves the series out of this scrape rather than failing it.
      async collect() {
        const lag = await sample().catch(() => undefined);
        if (lag) this.set(value(lag));
        else this.reset();
      },
    });
  };
  gauge(
    'portal_projector_lag_events',
    'Positions the served read models are behind the event store head.',
    (l) => l.events,
  );
  gauge(
    'portal_projector_lag_seconds',
    'Age of the oldest event not yet in the served read models.',
    (l) => l.seconds,
  );
  gauge(
    'portal_projector_checkpoint',
    'Global position the served read models include.',
    (l) => l.checkpoint,
  );
  gauge('portal_projector_generation', 'Generation of the read models being served.', (l) => l.generation);
  gauge('portal_event_store_head_position', 'Global position of the newest event.', (l) => l.head);
  return {
    batchApplied: (count, work) => {
      events.inc({ work }, count);
      batchSize.observe({ work }, count);
    },
  };
}
