import { CHANGE_MARKS, generationCollection, type ReadModelName } from '@portal/read-models';
import type { Document, FindQuery, FindResult } from '@portal/read-store';
import type { BatchDocuments } from './batch-documents';

/**
 * The projector's own collection in each generation: the domain state of every aggregate folded
 * so far (by stream), so each event is folded with the domain's evolve function. Never read by the API.
 */
export const AGGREGATE_STATES = 'aggregate_states';

export interface ProjectedDocument {
  id: string;
}

export type GenerationCollectionName = ReadModelName | typeof AGGREGATE_STATES | typeof CHANGE_MARKS;

/** Physical collection of a read model (or of the aggregate states) in a generation. */
export function collectionOf(generation: number, name: GenerationCollectionName): string {
  // Same naming rule as the read models', so a generation's collections share one prefix.
  return generationCollection(generation, name as ReadModelName);
}

/** The documents of one generation by logical name, inside one batch. */
export class GenerationDocuments {
  /** The read models this batch wrote (their change marks move with it). */
  readonly changed = new Set<ReadModelName>();
  /**
   * Physical names by logical name, made once: the same string each time, whose hash the batch's
   * maps then keep, instead of a new string per read and write (several per event in a replay).
   */
  private readonly collections = new Map<GenerationCollectionName, string>();

  constructor(
    private readonly batch: BatchDocuments,
    readonly generation: number,
  ) {}

  // Document shapes are interfaces without index signatures, hence the casts to the store's Document.
  get<T extends ProjectedDocument>(name: GenerationCollectionName, id: string): Promise<T | null> {
    return this.batch.get(this.collection(name), id) as Promise<T | null>;
  }

  /**
   * Loads these documents in one look-up, or one per collection (see BatchDocuments.prefetchAll);
   * those marked absent are taken as absent without one.
   */
  async prefetch(
    keys: Iterable<{ name: GenerationCollectionName; id: string; absent?: boolean }>,
  ): Promise<void> {
    const wanted = new Map<string, string[]>();
    const absent = new Map<string, string[]>();
    for (const key of keys) {
      const byCollection = key.absent ? absent : wanted;
      const collection = this.collection(key.name);
      const ids = byCollection.get(collection);
      if (ids) ids.push(key.id);
      else byCollection.set(collection, [key.id]);
    }
    for (const [collection, ids] of absent) this.batch.knownAbsent(collection, ids);
    await this.batch.prefetchAll(wanted);
  }

  put(name: GenerationCollectionName, doc: ProjectedDocument): void {
    this.noteChange(name);
    this.batch.put(this.collection(name), doc as unknown as Document);
  }

  delete(name: GenerationCollectionName, id: string): void {
    this.noteChange(name);
    this.batch.delete(this.collection(name), id);
  }

  find<T extends ProjectedDocument>(
    name: GenerationCollectionName,
    query: FindQuery,
  ): Promise<FindResult<T>> {
    return this.batch.find(this.collection(name), query) as Promise<FindResult<T>>;
  }

  flush(): Promise<void> {
    return this.batch.flush();
  }

  private collection(name: GenerationCollectionName): string {
    let collection = this.collections.get(name);
    if (collection === undefined) {
      collection = collectionOf(this.generation, name);
      this.collections.set(name, collection);
    }
    return collection;
  }

  private noteChange(name: GenerationCollectionName): void {
    if (name !== AGGREGATE_STATES && name !== CHANGE_MARKS) this.changed.add(name);
  }
}
