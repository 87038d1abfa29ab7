import type { EventFilter, EventHandler, RecordedEvent, Subscription } from '../event-store.port';
import type { EventRow } from './event-row';

/** A page of events after a position, and how far the page's snapshot reached. */
export interface EventPage {
  rows: EventRow[];
  /** Newest position committed when the page was read: every matching event up to it is in the page unless it is full. */
  head: number;
}

export interface SqlSubscriptionSource {
  readPage(after: number, limit: number, filter: EventFilter | undefined): Promise<EventPage>;
  toEvent(row: EventRow): RecordedEvent;
  /** Calls onWake on every append notification; resolves to an unlisten function. */
  listen(onWake: () => void): Promise<() => Promise<void>>;
}

export interface SqlSubscriptionOptions {
  after?: number;
  filter?: EventFilter;
  pageSize: number;
  pollIntervalMs: number;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Catch-up then live, one page at a time from the checkpoint. Notifications only wake it early:
 * it also polls, so a lost notification or a dead LISTEN connection delays it, never stalls it.
 * Query errors (a dropped connection) are retried with backoff from the same position; a handler
 * or upcasting error stops it without moving past the event.
 */
export class SqlSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private handled: number | undefined;
  /** Position up to which events were read (filtered-out ones included). */
  private cursor: number;
  private stopped = false;
  private notified = false;
  private interrupt: (() => void) | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;

  constructor(
    private readonly source: SqlSubscriptionSource,
    private readonly options: SqlSubscriptionOptions,
    private readonly handler: EventHandler,
    private readonly onEnd: (subscription: SqlSubscription) => void,
  ) {
    this.handled = options.after;
    this.cursor = options.after ?? -1;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    this.done = this.run().finally(() => {
      // Whoever awaits caughtUp of a stopped or failed subscription must not wait forever.
      this.resolveCaughtUp();
      this.onEnd(this);
    });
    // Callers may not attach to both; an unobserved rejection must not crash the process.
    this.caughtUp.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  get position(): number | undefined {
    return this.handled;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    await this.listen();
    try {
      await this.follow();
    } catch (error) {
      this.rejectCaughtUp(error);
      throw error;
    } finally {
      await this.unlisten?.().catch(() => undefined);
    }
  }

  /** (Re)subscribes to notifications; on failure polling alone carries on. */
  private async listen(): Promise<void> {
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = await this.source
      .listen(() => {
        this.notified = true;
        this.interrupt?.();
      })
      .catch(() => undefined);
  }

  private async follow(): Promise<void> {
    const { pageSize, pollIntervalMs, filter } = this.options;
    let failures = 0;
    while (!this.stopped) {
      this.notified = false;
      let page: EventPage;
      try {
        page = await this.source.readPage(this.cursor, pageSize, filter);
        // The connection came back: the LISTEN connection may have died with it.
        if (failures > 0) await this.listen();
        failures = 0;
      } catch {
        failures += 1;
        await this.pause(Math.min(MAX_BACKOFF_MS, 50 * 2 ** failures));
        continue;
      }
      for (const row of page.rows) {
        if (this.stopped) return;
        const event = this.source.toEvent(row);
        await this.handler(event);
        this.handled = event.position;
        this.cursor = event.position;
      }
      if (page.rows.length < pageSize) {
        this.cursor = Math.max(this.cursor, page.head);
        this.resolveCaughtUp();
        if (!this.notified) await this.pause(pollIntervalMs);
      }
    }
  }

  /** Waits for the delay, a notification or stop(), whichever comes first. */
  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.interrupt = wake;
    });
  }
}
