import type { EventStore } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { ensureActiveGeneration, readActiveGeneration } from './generation/active-generation';
import { prepareGeneration } from './generation/generation-collections';
import { measureProjectionLag, type ProjectionLag } from './lag/projection-lag';
import { GenerationRunner } from './live/generation-runner';
import { PROJECTION_VERSION } from './projection-version';
import { consoleProjectorLogger, type ProjectorLogger } from './projector-logger';
import type { ProjectorObserver } from './projector-observer';
import { ALL_PROJECTIONS } from './projections/all-projections';
import type { Projection } from './projections/projection';
import { DEFAULT_RETIRE_DELAY_MS, rebuildReadModels, type RebuildResult } from './rebuild/rebuild';
import type { RebuildProgress } from './rebuild/rebuild-progress';

export interface ProjectorOptions {
  events: EventStore;
  store: ReadStore;
  projections?: readonly Projection[];
  /** PROJECTION_VERSION unless a test says otherwise. */
  version?: number;
  logger?: ProjectorLogger;
  batchSize?: number;
  /** Rebuild by itself when the stored projection version differs (default true). */
  autoRebuild?: boolean;
  /** How often the active-generation pointer is re-read (a rebuild in another process switches it). */
  pointerPollMs?: number;
  retireDelayMs?: number;
  onRebuildProgress?: (progress: RebuildProgress) => void;
  /** Told of each committed batch, live or replayed by a rebuild (the events and batch-size series of /metrics). */
  observer?: ProjectorObserver;
}

export interface ProjectorStatus {
  generation: number | undefined;
  checkpoint: number | undefined;
  caughtUp: boolean;
  lastError: string | undefined;
  rebuild: RebuildProgress | null;
}

/**
 * The projector service: keeps the active generation of the read models up to date, follows a
 * switch made by a rebuild (here or in another process), and rebuilds by itself when the stored
 * projection version is not this code's.
 */
export class Projector {
  private runner: GenerationRunner | undefined;
  private readonly retiring = new Set<GenerationRunner>();
  private watcher: NodeJS.Timeout | undefined;
  private rebuilding: Promise<RebuildResult> | undefined;
  private progress: RebuildProgress | null = null;
  private stopped = false;
  private readonly projections: readonly Projection[];
  private readonly version: number;
  private readonly logger: ProjectorLogger;

  constructor(private readonly options: ProjectorOptions) {
    this.projections = options.projections ?? ALL_PROJECTIONS;
    this.version = options.version ?? PROJECTION_VERSION;
    this.logger = options.logger ?? consoleProjectorLogger;
  }

  async start(): Promise<void> {
    const active = await ensureActiveGeneration(this.options.store, this.version);
    await this.follow(active.generation);
    this.watcher = setInterval(() => void this.checkPointer(), this.options.pointerPollMs ?? 1_000);
    this.watcher.unref();
    if (active.projectionVersion !== this.version && this.options.autoRebuild !== false) {
      this.logger.log(
        `projection version ${active.projectionVersion} stored, this code writes ${this.version}: rebuilding`,
      );
      void this.rebuild().catch((error: unknown) => {
        this.logger.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }

  /** Resolves once the active generation has reached the head at least once. */
  async caughtUp(): Promise<void> {
    await this.runner?.caughtUp;
  }

  /** Blue-green rebuild in this process; concurrent calls share one. */
  rebuild(): Promise<RebuildResult> {
    this.rebuilding ??= rebuildReadModels({
      events: this.options.events,
      store: this.options.store,
      projections: this.projections,
      version: this.version,
      logger: this.logger,
      batchSize: this.options.batchSize,
      retireDelayMs: this.options.retireDelayMs ?? DEFAULT_RETIRE_DELAY_MS,
      onProgress: (progress) => {
        this.progress = progress;
        this.options.onRebuildProgress?.(progress);
      },
      observe: (batch) => this.options.observer?.batchApplied(batch.events, 'rebuild'),
      onSwitched: (generation) => this.follow(generation),
      beforeRetire: () => this.stopRetiring(),
    }).finally(() => {
      this.rebuilding = undefined;
      this.progress = null;
    });
    return this.rebuilding;
  }

  status(): ProjectorStatus {
    return {
      generation: this.runner?.generation,
      checkpoint: this.runner?.checkpoint,
      caughtUp: this.runner?.hasCaughtUp ?? false,
      lastError: this.runner?.lastError,
      rebuild: this.progress,
    };
  }

  lag(): Promise<ProjectionLag> {
    return measureProjectionLag(this.options.events, this.options.store);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watcher);
    await this.rebuilding?.catch(() => undefined);
    await this.runner?.stop();
    await this.stopRetiring();
  }

  /** Starts following a generation; the one followed so far keeps running until retired. */
  private async follow(generation: number): Promise<void> {
    if (this.stopped || this.runner?.generation === generation) return;
    await prepareGeneration(this.options.store, generation, this.projections);
    const previous = this.runner;
    this.runner = new GenerationRunner(
      this.options.events,
      this.options.store,
      this.projections,
      generation,
      this.logger,
      { batchSize: this.options.batchSize, observer: this.options.observer },
    );
    this.runner.start();
    if (previous) this.retiring.add(previous);
  }

  private async stopRetiring(): Promise<void> {
    const runners = [...this.retiring];
    this.retiring.clear();
    await Promise.all(runners.map((r) => r.stop()));
  }

  /** A rebuild in another process switched the pointer: follow it, retire the old runner later. */
  private async checkPointer(): Promise<void> {
    if (this.rebuilding || this.stopped) return;
    try {
      const active = await readActiveGeneration(this.options.store);
      if (!active || active.generation === this.runner?.generation) return;
      this.logger.log(`generation ${active.generation} is active now: following it`);
      await this.follow(active.generation);
      // The rebuilder drops the old generation after its retire delay; stop writing before that.
      const delay = (this.options.retireDelayMs ?? DEFAULT_RETIRE_DELAY_MS) / 2;
      setTimeout(() => void this.stopRetiring(), delay).unref();
    } catch (error) {
      this.logger.warn(
        `reading the active generation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
