import { Inject, Injectable } from '@nestjs/common';
import { and, matchesRecordFilter, readableFieldsKey, scopeFilter, type RecordFilter } from '@portal/acl';
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

/** Entity types whose scope is kept per access context; past it (no such portal today) made per request. */
const SCOPES_PER_ACCESS = 64;

/** A user's scope filter of one entity type, and the part of a page's key that stands for it. */
interface Scope {
  filter: RecordFilter;
  key: string;
}

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
  /**
   * Scopes made once per access context and entity type. An access context is frozen and shared by
   * every request at the same access marks (PortalAccessResolver), and the scope filter and the
   * readable fields are functions of it and the type alone, so a context answers the same scope for
   * as long as it is used; a role, account or portal change makes a new context, hence a new scope.
   */
  private readonly scopes = new WeakMap<PortalAccess, Map<string, Scope>>();
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
    const scope = this.scopeOf(access, entityType);
    const query = {
      filter: and(scope.filter, list.filter),
      sort: list.sort,
      offset: list.offset,
      limit: list.limit,
    };
    const { generation, cacheAt } = await this.generationAt(at);
    // The scope's part (type, readable fields, scope filter) then the list's (generation, filters,
    // sort, offset, limit, page, perPage): together everything the query and the view are made of,
    // as the class comment asks. JSON never holds a raw U+0000, so the two parts cannot run together.
    const key = `${scope.key}\u0000${keyOf([
      generation,
      list.filter,
      list.sort,
      list.offset,
      list.limit,
      list.page,
      list.perPage,
    ])}`;
    const known = this.pages.get(key, cacheAt);
    if (known) return known;
    const found = await this.documents.find(query, generation);
    const answer = deepFrozen(
      listAnswer(
        found.items.map((doc) => portalRecordView(doc, access.perms)),
        found.total,
        list,
      ),
    );
    // The scope filter holds `entityType = <type>`, so the view's fields are those of the key.
    if (found.items.every((doc) => doc.entityType === entityType)) this.pages.set(key, answer, cacheAt);
    return answer;
  }

  /**
   * canRead (@portal/acl) of a record, decided by the read scope filter kept for this access
   * context: the filter canRead would make afresh (scopeFilter with the read action), so the
   * answer is the same; a role, account or portal change makes a new access context, hence a new filter.
   */
  mayRead(access: PortalAccess, doc: RecordDoc): boolean {
    return matchesRecordFilter(doc, this.scopeOf(access, doc.entityType).filter);
  }

  private scopeOf(access: PortalAccess, entityType: string): Scope {
    let byType = this.scopes.get(access);
    if (byType === undefined) this.scopes.set(access, (byType = new Map()));
    let scope = byType.get(entityType);
    if (scope === undefined) {
      const { ctx, perms, user } = access;
      const filter = deepFrozen(scopeFilter(ctx, perms, user, entityType));
      scope = { filter, key: keyOf([entityType, readableFieldsKey(perms, entityType), filter]) };
      if (byType.size < SCOPES_PER_ACCESS) byType.set(entityType, scope);
    }
    return scope;
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
