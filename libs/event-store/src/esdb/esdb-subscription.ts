import { START, type AllStreamResolvedEvent, type Position, type ReadPosition } from '@eventstore/db-client';
import type { EventHandler, SubscribeOptions, Subscription } from '../event-store.port';
import type { UpcasterRegistry } from '../upcasters';
import type { EsdbClient, EsdbLiveSubscription } from './esdb-client';
import { isWantedEvent, toServerFilter } from './esdb-event-filter';
import { toEsdbPosition } from './esdb-position';
import { positionOf, toRecordedEvent } from './esdb-recorded-event';

export interface EsdbSubscriptionSettings {
  /** Wait before the first resubscription after a drop; doubles on each failed attempt. */
  reconnectDelayMs: number;
  maxReconnectDelayMs: number;
  /**
   * The server filter's checkpoint interval (a checkpoint every interval × 32 events searched). The
   * checkpoints only tell when catching up is done; resumption stays at the last event seen, since some
   * 24.10 servers send a checkpoint at the end of the log after an empty page (KurrentDB #4990).
   */
  checkpointInterval: number;
  /** Told about every drop before resubscribing (wire a logger here). */
  onDropped?: (error: unknown, attempt: number) => void;
}

/** What the subscription needs from the store around the server subscription itself. */
export interface EsdbSubscriptionSource {
  /** Global position of the newest event now, to tell when catching up is done on servers before 23.10. */
  readHead(): Promise<number>;
  /** Where the server should start for a checkpoint that may not be a record boundary. */
  startAfter(after: number): Promise<ReadPosition>;
}

/** An error that must stop the subscription (handler or unreadable event) rather than resubscribe. */
class FatalEventError {
  constructor(readonly cause: unknown) {}
}

/**
 * A catch-up subscription to $all that hands events to the handler one at a time, in order, and
 * resubscribes from the last position it saw whenever the server or the connection drops it.
 */
export class EsdbSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;

  private stopped = false;
  private handled: number | undefined;
  /** Last position seen, handled or skipped: where a resubscription starts. */
  private resumeAfter: number | undefined;
  /** Set once resumeAfter is the position of an event the server sent (so surely a record boundary). */
  private resumeFromEvent = false;
  private head: number | undefined;
  private live: EsdbLiveSubscription | undefined;
  private wake: (() => void) | undefined;
  private isCaughtUp = false;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;
  // Counters of the current server subscription, to tell when events buffered before a signal are handled.
  private pulled = 0;
  private processed = 0;
  private caughtUpAfter: number | undefined;

  constructor(
    private readonly client: EsdbClient,
    private readonly upcasters: UpcasterRegistry,
    private readonly options: SubscribeOptions,
    private readonly handler: EventHandler,
    private readonly source: EsdbSubscriptionSource,
    private readonly settings: EsdbSubscriptionSettings,
  ) {
    this.handled = options.after;
    this.resumeAfter = options.after;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Whoever awaits caughtUp sees a failure; nobody has to.
    this.caughtUp.catch(() => undefined);
    this.done = this.run();
  }

  get position(): number | undefined {
    return this.handled;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    const live = this.live;
    if (live) {
      // Ends a pending read at once; a running handler call finishes first (run awaits it).
      live.destroy();
      live.unsubscribe().catch(() => undefined);
    }
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      try {
        await this.subscribeOnce(() => {
          attempt = 0;
        });
      } catch (error) {
        if (error instanceof FatalEventError) {
          this.stopped = true;
          this.rejectCaughtUp(error.cause);
          throw error.cause;
        }
        if (this.stopped) return;
        attempt += 1;
        this.settings.onDropped?.(error, attempt);
        await this.pause(this.delay(attempt));
        continue;
      }
      // The server ended the subscription without an error: resubscribe, still with backoff.
      if (this.stopped) return;
      attempt += 1;
      this.settings.onDropped?.(new Error('EventStoreDB ended the subscription'), attempt);
      await this.pause(this.delay(attempt));
    }
  }

  private async subscribeOnce(onProgress: () => void): Promise<void> {
    if (this.head === undefined) this.head = await this.source.readHead();
    if (this.head < 0 || (this.resumeAfter !== undefined && this.resumeAfter >= this.head)) {
      this.markCaughtUp();
    }
    const fromPosition = await this.startPosition();
    if (this.stopped) return;
    const subscription = this.client.subscribeToAll({
      fromPosition,
      filter: toServerFilter(this.options.filter, {
        checkpointInterval: this.settings.checkpointInterval,
        checkpointReached: (_subscription, position) => this.onCheckpoint(position),
      }),
    });
    this.live = subscription;
    this.pulled = 0;
    this.processed = 0;
    this.caughtUpAfter = undefined;
    // The iterator below reports errors; this listener keeps a late one from crashing the process.
    subscription.on('error', () => undefined);
    // Server 23.10 and newer say when the subscription reaches the end of $all.
    subscription.on('caughtUp', () => this.signalCaughtUp());
    try {
      for await (const resolved of subscription) {
        this.pulled += 1;
        onProgress();
        await this.deliver(resolved);
        this.processed += 1;
        if (this.caughtUpAfter !== undefined && this.processed >= this.caughtUpAfter) this.markCaughtUp();
        if (this.stopped) break;
      }
    } finally {
      this.live = undefined;
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private startPosition(): Promise<ReadPosition> | ReadPosition {
    if (this.resumeAfter === undefined) return START;
    return this.resumeFromEvent ? toEsdbPosition(this.resumeAfter) : this.source.startAfter(this.resumeAfter);
  }

  private async deliver(resolved: AllStreamResolvedEvent): Promise<void> {
    let position: number;
    let event;
    try {
      position = positionOf(resolved);
      // The server starts after the position we give; this guards the checkpoint against a repeat anyway.
      if (this.resumeAfter !== undefined && position <= this.resumeAfter) return;
      if (isWantedEvent(resolved, this.options.filter)) event = toRecordedEvent(resolved, this.upcasters);
    } catch (error) {
      throw new FatalEventError(error);
    }
    if (event) {
      try {
        await this.handler(event);
      } catch (error) {
        throw new FatalEventError(error);
      }
      this.handled = position;
    }
    this.resumeAfter = position;
    this.resumeFromEvent = true;
    if (this.head !== undefined && position >= this.head) this.markCaughtUp();
  }

  /** A filtered subscription reports how far the server searched, even when nothing matched. */
  private onCheckpoint(position: Position): void {
    // A checkpoint points at the next record to read, so only one past the head proves the head was seen.
    // Compared as bigints: this runs inside the client's stream, where a throw would go unhandled.
    if (this.head !== undefined && position.commit > BigInt(this.head)) this.signalCaughtUp();
  }

  /**
   * The server's signal arrives while events read before it may still wait in the stream's buffer (or in
   * the handler): caught up means those are handled too.
   */
  private signalCaughtUp(): void {
    if (this.isCaughtUp || this.caughtUpAfter !== undefined) return;
    const target = this.pulled + (this.live?.readableLength ?? 0);
    if (this.processed >= target) this.markCaughtUp();
    else this.caughtUpAfter = target;
  }

  private markCaughtUp(): void {
    if (this.isCaughtUp) return;
    this.isCaughtUp = true;
    this.resolveCaughtUp();
  }

  private delay(attempt: number): number {
    return Math.min(this.settings.reconnectDelayMs * 2 ** (attempt - 1), this.settings.maxReconnectDelayMs);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
