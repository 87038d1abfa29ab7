import { Inject, Injectable } from '@nestjs/common';
import { and, readableFieldsKey, scopeFilter } from '@portal/acl';
import type { ServiceConfig } from '@portal/platform';
import { projectorCheckpoint, ReadModelNames, type RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../../auth/portal-access';
import {
  CheckpointCache,
  deepFrozen,
  recordsVersionOf,
  type ReadModelsAt,
} from '../../auth/read-model-cache/checkpoint-cache';
import { listAnswer, type ListQuery } from '../../http/list-query';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { RecordDocuments } from '../../records/record-documents';
import { portalRecordView, type PortalRecord } from '../portal-record-view';

export type PortalRecordPage = ReturnType<typeof listAnswer<PortalRecord>>;

/**
 * Bounds of the two caches, in entries and in characters of the values' JSON (V8 holds such
 * values in about two to three times that): under 5 MiB together, for the embedded service too.
 * A page of 20 cases is ~8k characters: ~130 pages, besides ~1,000 single records.
 */
const PAGE_ENTRIES = 1_000;
const PAGE_CHARS = 1024 * 1024;
const RECORD_ENTRIES = 2_000;
const RECORD_CHARS = 512 * 1024;

/** `undefined` inside a key spelled apart from a missing member, so two keys differ when their values do. */
const UNDEFINED = { undefined: true };
const keyOf = (parts: unknown[]): string =>
  JSON.stringify(parts, (_name, value: unknown) => (value === undefined ? UNDEFINED : value));

/**
 * The records a portal user's request reads (a page of their scoped list, one record), answered
 * from an in-process cache while the records read model has not moved since the answer was read.
 *
 * Why this is exact (CheckpointCache says it at length): the projector writes the records, their
 * counts and the records change mark in one transaction, and the guard read that mark (with the
 * checkpoint) in its session statement, refreshed after a consistency-token wait. While the mark
 * is the same, the records and counts are the same, so the store would answer the same query the
 * same way; an answer read after a mark was read is at least that new, never older than a token
 * the request waited for. A case moved to another account, deleted or edited moves the mark, so
 * the very next request that finds the read models past it reads afresh, in every process.
 *
 * Why users do not see each other's answers: a page's key holds everything its answer is made of
 * besides the records themselves: the whole query the store is sent (the user's scope filter AND
 * the list's filters, sort, offset, limit; the generation's collection), page and perPage, and the
 * inputs of the view (readableFieldsKey: which fields the roles let the user read of the type).
 * Two users share an entry only when the store query and the view are the same, i.e. when they
 * would be answered the same anyway; a role, account or portal change changes the access context
 * (itself keyed on the access marks) and so the filter or the view, hence the key. A single record
 * is kept as stored and the ACL judges it on every request, so it needs no user in its key.
 *
 * Answers are shared between requests, hence frozen.
 */
@Injectable()
export class PortalRecordReads {
  private readonly pages = new CheckpointCache<PortalRecordPage>({
    versionOf: recordsVersionOf,
    maxEntries: PAGE_ENTRIES,
    maxSize: PAGE_CHARS,
    sizeOf: (page) => this.json(page).length,
  });
  private readonly records = new CheckpointCache<RecordDoc | null>({
    versionOf: recordsVersionOf,
    maxEntries: RECORD_ENTRIES,
    maxSize: RECORD_CHARS,
    sizeOf: (doc) => JSON.stringify(doc).length,
  });
  /** Each page's JSON, written once: a kept page is sent many times and never changes (frozen). */
  private readonly pageJson = new WeakMap<PortalRecordPage, string>();
  private cacheOn: boolean;

  constructor(
    private readonly documents: RecordDocuments,
    private readonly names: ReadModelNames,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.cacheOn = config.scopedPageCache !== false;
  }

  /** One page of the records of `entityType` the user may read, with the fields they may read. */
  async page(
    access: PortalAccess,
    entityType: string,
    list: ListQuery,
    at: ReadModelsAt | undefined,
  ): Promise<PortalRecordPage> {
    const { ctx, perms, user } = access;
    const query = {
      filter: and(scopeFilter(ctx, perms, user, entityType), list.filter),
      sort: list.sort,
      offset: list.offset,
      limit: list.limit,
    };
    const { generation, cacheAt } = await this.generationAt(at);
    const key = keyOf([
      generation,
      entityType,
      readableFieldsKey(perms, entityType),
      query,
      list.page,
      list.perPage,
    ]);
    const known = this.pages.get(key, cacheAt);
    if (known) return known;
    const found = await this.documents.find(query, generation);
    const answer = deepFrozen(
      listAnswer(
        found.items.map((doc) => portalRecordView(doc, perms)),
        found.total,
        list,
      ),
    );
    // The scope filter holds `entityType = <type>`, so the view's fields are those of the key.
    if (found.items.every((doc) => doc.entityType === entityType)) this.pages.set(key, answer, cacheAt);
    return answer;
  }

  /** The JSON of a page this class answered: the same string every time it is sent. */
  json(page: PortalRecordPage): string {
    let json = this.pageJson.get(page);
    if (json === undefined) {
      json = JSON.stringify(page);
      this.pageJson.set(page, json);
    }
    return json;
  }

  /** The record with this id if it is of this type, deleted or not: the caller judges it. */
  async record(entityType: string, id: string, at: ReadModelsAt | undefined): Promise<RecordDoc | null> {
    const { generation, cacheAt } = await this.generationAt(at);
    const key = keyOf([generation, id]);
    let doc = this.records.get(key, cacheAt);
    if (doc === undefined) {
      doc = deepFrozen(await this.documents.byId(id, generation));
      this.records.set(key, doc, cacheAt);
    }
    return doc && doc.entityType === entityType ? doc : null;
  }

  /** For measurements alone: the bench compares the cached and the uncached path on one service. */
  switchCache(on: boolean): void {
    this.cacheOn = on;
  }

  /**
   * The active generation, whose records are read, and `at` if answers may be cached at it: only
   * when the guard's checkpoint and marks are that generation's (not around a generation switch).
   */
  private async generationAt(
    at: ReadModelsAt | undefined,
  ): Promise<{ generation: number; cacheAt: ReadModelsAt | undefined }> {
    const generation = await this.names.activeGeneration();
    const same = this.cacheOn && at !== undefined && at.projection === projectorCheckpoint(generation);
    return { generation, cacheAt: same ? at : undefined };
  }
}
