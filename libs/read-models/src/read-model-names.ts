import type { ReadStore } from '@portal/read-store';
import type { CHANGE_MARKS } from './change-marks';
import { OPERATIONAL, ReadModelName } from './collections';

/** Name of the checkpoint of a generation's projector run. */
export function projectorCheckpoint(generation: number): string {
  return `projector_g${generation}`;
}

/** Physical name of a read model in a generation. */
export function generationCollection(generation: number, name: ReadModelName | typeof CHANGE_MARKS): string {
  return `g${generation}_${name}`;
}

interface ActiveGenerationDoc {
  id: 'active';
  generation: number;
  [key: string]: unknown;
}

/**
 * Resolves logical read-model names to the active generation's collections. The pointer lives in
 * the read store, so every process (API, projector) agrees on it and sees a rebuild's switch.
 */
export class ReadModelNames {
  private cached: { generation: number; at: number } | undefined;
  /** The read under way: callers arriving meanwhile share it instead of each reading. */
  private reading: Promise<number> | undefined;

  constructor(
    private readonly store: ReadStore,
    /** How long a read pointer is trusted before it is read again. */
    private readonly cacheMs = 1_000,
  ) {}

  async activeGeneration(): Promise<number> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.generation;
    this.reading ??= this.read(now).finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(now: number): Promise<number> {
    const doc = await this.store.get<ActiveGenerationDoc>(OPERATIONAL.readModelMeta, 'active');
    const generation = doc?.generation ?? 1;
    this.cached = { generation, at: now };
    return generation;
  }

  async collection(name: ReadModelName): Promise<string> {
    return generationCollection(await this.activeGeneration(), name);
  }

  async checkpoint(): Promise<string> {
    return projectorCheckpoint(await this.activeGeneration());
  }

  /** Forget the cached pointer (after a switch in this process). */
  invalidate(): void {
    this.cached = undefined;
    this.reading = undefined;
  }
}
