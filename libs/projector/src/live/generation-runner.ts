import type { EventStore, Subscription } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { catchUp } from '../catch-up/catch-up';
import type { ProjectorLogger } from '../projector-logger';
import type { ProjectorObserver } from '../projector-observer';
import type { Projection } from '../projections/projection';
import { AppendWakeups } from './append-wakeups';

export interface GenerationRunnerOptions {
  batchSize?: number;
  /** Re-reads at least this often when no append notification arrives. */
  pollIntervalMs?: number;
  observer?: ProjectorObserver;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Keeps one generation up to date: catches up from its checkpoint in batches, then follows the
 * head. An event-store subscription only wakes it up (events are read in pages, so a batch
 * commits many events with one checkpoint); polling covers a lost wake-up. Errors (a store
 * briefly gone) are retried from the stored checkpoint, so nothing is skipped or applied twice.
 */
export class GenerationRunner {
  private stopped = false;
  private pending = false;
  private readonly wakeups = new AppendWakeups();
  private wake: (() => void) | undefined;
  private waker: Subscription | undefined;
  private unwatch: (() => Promise<void>) | undefined;
  private running: Promise<void> | undefined;
  private resolveCaughtUp!: () => void;
  /** Resolves once the generation reached the head at least once (or the runner stopped). */
  readonly caughtUp: Promise<void>;
  private caughtUpOnce = false;
  checkpoint: number | undefined;
  lastError: string | undefined;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: readonly Projection[],
    readonly generation: number,
    private readonly logger: ProjectorLogger,
    private readonly options: GenerationRunnerOptions = {},
  ) {
    this.caughtUp = new Promise((resolve) => (this.resolveCaughtUp = resolve));
  }

  get hasCaughtUp(): boolean {
    return this.caughtUpOnce;
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.signal();
    await this.running;
    await this.waker?.stop().catch(() => undefined);
    await this.unwatch?.().catch(() => undefined);
    this.resolveCaughtUp();
  }

  /** A wake-up; `position`, when known, the committed position it is about. */
  private signal(position?: number): void {
    if (!this.wakeups.wake(position, this.checkpoint)) return;
    this.pending = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.listen(failures > 0);
        this.pending = false;
        this.wakeups.catchUpBegins();
        this.checkpoint = await catchUp(this.events, this.store, this.generation, this.projections, {
          batchSize: this.options.batchSize,
          // Where the last catch-up left it: no read of the checkpoint before reading the events.
          from: this.checkpoint,
          shouldStop: () => this.stopped,
          traceEvents: true,
          onBatch: (checkpoint, events) => {
            this.checkpoint = checkpoint;
            this.options.observer?.batchApplied(events, 'live');
          },
        });
        if (failures > 0) this.logger.log(`generation ${this.generation}: projecting again`);
        failures = 0;
        this.lastError = undefined;
        this.caughtUpOnce = true;
        this.resolveCaughtUp();
        await this.pause(this.options.pollIntervalMs ?? 1_000);
      } catch (error) {
        failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        if (failures === 1 || failures % 20 === 0) {
          this.logger.error(`generation ${this.generation}: projecting failed (${this.lastError}); retrying`);
        }
        await this.pause(Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures), true);
      }
    }
  }

  /**
   * Asks for wake-ups once (again after a failure: the notification connection may have died with
   * the store); without them (store down) polling alone carries on. A store's append notifications
   * wake it without a read; a subscription would read (and reveal) every event a second time only
   * to say that it came, a statement per append in this very process.
   */
  private async listen(afterFailure: boolean): Promise<void> {
    if (this.events.watchAppends) {
      if (this.unwatch && !afterFailure) return;
      await this.unwatch?.().catch(() => undefined);
      this.unwatch = undefined;
      this.unwatch = await this.events
        .watchAppends((position) => this.signal(position))
        .catch(() => undefined);
      return;
    }
    if (this.waker) return;
    const head = await this.events.headPosition();
    this.waker = this.events.subscribe({ after: head }, () => this.signal());
  }

  private pause(ms: number, ignorePending = false): Promise<void> {
    if (this.stopped || (this.pending && !ignorePending)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = ignorePending ? () => this.stopped && done() : done;
    });
  }
}
