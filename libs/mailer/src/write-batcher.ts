export interface WriteBatcherOptions<T> {
  /**
   * Writes one batch and answers, item by item in the same order, undefined (written) or the
   * error that item's add() rejects with.
   */
  write: (items: T[]) => Promise<(Error | undefined)[]>;
  /** A batch this full is written as soon as no other write is running. */
  maxItems: number;
  /** Else the first item waits at most this long for others to join it. */
  maxDelayMs: number;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Gathers writes that arrive close together (the outcomes of emails sent at once) into one, so
 * sixteen sends cost one transaction instead of sixteen. One batch is written at a time and the
 * next gathers meanwhile (group commit): the busier the store, the larger the batches. Each add()
 * settles only once its own item is written, so a caller goes on exactly as if it had written
 * alone, a few ms later.
 */
export class WriteBatcher<T> {
  private buffer: Waiting<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(private readonly options: WriteBatcherOptions<T>) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.buffer.push({ item, resolve, reject });
      if (this.buffer.length >= this.options.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs);
    });
  }

  /** Writes what is buffered; resolves once nothing is buffered or being written. */
  async drain(): Promise<void> {
    while (this.writing || this.buffer.length > 0) {
      this.flush();
      await this.writing;
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // The write running now flushes what gathered when it ends.
    if (this.writing || this.buffer.length === 0) return;
    const batch = this.buffer.splice(0, this.options.maxItems);
    this.writing = this.write(batch).finally(() => {
      this.writing = undefined;
      if (this.buffer.length > 0) this.flush();
    });
  }

  private async write(batch: Waiting<T>[]): Promise<void> {
    let results: (Error | undefined)[];
    try {
      results = await this.options.write(batch.map((b) => b.item));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      results = batch.map(() => failure);
    }
    batch.forEach((b, i) => {
      const error = results[i];
      if (error === undefined) b.resolve();
      else b.reject(error);
    });
  }
}
