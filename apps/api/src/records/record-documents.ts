import { Inject, Injectable } from '@nestjs/common';
import type { RecordFilter } from '@portal/acl';
import {
  generationCollection,
  READ_MODELS,
  ReadModelNames,
  type CommentDoc,
  type RecordDoc,
} from '@portal/read-models';
import type { FindQuery, FindResult, ReadStore, ValueCount } from '@portal/read-store';
import { READ_STORE } from '../infrastructure/tokens';

/** The records and comments read models, for the queries of staff and portal users alike. */
@Injectable()
export class RecordDocuments {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  // Documents are the projector's RecordDoc/CommentDoc (libs/read-models); the port types them loosely.

  /** The record with this id if it is of this type (deleted ones included: callers decide). */
  async get(entityType: string, id: string): Promise<RecordDoc | null> {
    const doc = await this.byId(id);
    return doc && doc.entityType === entityType ? doc : null;
  }

  /** The record with this id, whatever its type. */
  async byId(id: string, generation?: number): Promise<RecordDoc | null> {
    return (await this.store.get(await this.recordsOf(generation), id)) as RecordDoc | null;
  }

  async find(
    query: FindQuery & { filter: RecordFilter },
    generation?: number,
  ): Promise<FindResult<RecordDoc>> {
    const found = await this.store.find(await this.recordsOf(generation), query);
    return found as unknown as FindResult<RecordDoc>;
  }

  /** The records matching `filter`, counted per value at `path`: one read however many values. */
  async countBy(filter: RecordFilter, path: string): Promise<ValueCount[]> {
    return this.store.countBy(await this.names.collection(READ_MODELS.records), filter, path);
  }

  /** A generation's records (PortalRecordReads keys its answers on one); unset: the active one's. */
  private recordsOf(generation: number | undefined): Promise<string> | string {
    return generation === undefined
      ? this.names.collection(READ_MODELS.records)
      : generationCollection(generation, READ_MODELS.records);
  }

  async comments(query: FindQuery & { filter: RecordFilter }): Promise<FindResult<CommentDoc>> {
    const found = await this.store.find(await this.names.collection(READ_MODELS.comments), query);
    return found as unknown as FindResult<CommentDoc>;
  }
}
