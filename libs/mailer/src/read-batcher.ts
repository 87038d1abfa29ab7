export interface ReadBatcherOptions<K, V> {
  /** Reads every key of one batch (distinct ones) and answers one value per key, in the same order. */
  read: (keys: K[]) => Promise<V[]>;
  /** What makes two keys the same read: asked once, answered to both. */
  keyOf: (key: K) => string;
}

interface Waiting<V> {
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the reads that jobs running at the same time ask for within one turn of the event loop
 * into one read (DataLoader's idea): sixteen jobs looking up their delivery streams cost one
 * statement instead of sixteen. Nothing is cached beyond the batch, so each answer is as fresh as
 * if its job had read alone, a turn later.
 */
export class ReadBatcher<K, V> {
  private pending = new Map<string, { key: K; waiting: Waiting<V>[] }>();
  private scheduled = false;

  constructor(private readonly options: ReadBatcherOptions<K, V>) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const id = this.options.keyOf(key);
      const entry = this.pending.get(id);
      if (entry) entry.waiting.push({ resolve, reject });
      else this.pending.set(id, { key, waiting: [{ resolve, reject }] });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O and promise callbacks of this turn: the other jobs' asks join first.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      const values = await this.options.read(batch.map((entry) => entry.key));
      batch.forEach((entry, i) => entry.waiting.forEach((w) => w.resolve(values[i] as V)));
    } catch (error) {
      for (const entry of batch) for (const w of entry.waiting) w.reject(error);
    }
  }
}
