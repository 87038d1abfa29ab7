import { ALL, type RecordFilter } from '@portal/acl';
import {
  cachedRead,
  copyJsonField,
  copyTextField,
  prepared,
  quoteIdent,
  readOnly,
  type SqlQueryable,
} from '@portal/platform';
import type {
  Document,
  DocumentShape,
  DocumentsWanted,
  FindQuery,
  FindResult,
  PathTypes,
  ReadStoreTransaction,
  ValueCount,
} from '../read-store.port';
import {
  assertCollectionName,
  assertDocument,
  assertDocumentPath,
  assertFilter,
  assertPaging,
  assertSortKeys,
} from '../read-store-input';
import { mergeValueCounts } from '../value-counts';
import type { DeferredWrites } from './deferred-writes';
import {
  COUNTS_REGISTRY,
  countedPage,
  countedTotal,
  countsFor,
  spanOf,
  type DocumentCounts,
} from './document-counts';
import { ORDERED_REGISTRY, type OrderedElements } from './document-orders';
import { orderedReach } from './ordered-reach';
import { SqlParameters, jsonAt, orderBy, recordFilterToSql } from './record-filter-to-sql';

/** Table of a collection: `rm_` keeps read models apart from the event store's `es_` tables. */
export function tableOf(collection: string): string {
  assertCollectionName(collection);
  return `rm_${collection}`;
}

export class CollectionNotFoundError extends Error {
  constructor(collection: string) {
    super(`Read-store collection "${collection}" does not exist: call ensureCollection first`);
    this.name = 'CollectionNotFoundError';
  }
}

/**
 * Tables known to exist, with their counts (document-counts.ts), ordered elements and their
 * documents' storage, so reads and writes skip the catalog look-up. Only a drop by this store
 * removes one; a table dropped by another process shows up as a query error until then. Counts or
 * ordered elements created after this store first saw the table (by another process) are not known
 * to it: its totals then count documents and its pages sort every match, exact all the same.
 */
export class KnownTables {
  private readonly tables = new Map<string, KnownTable>();

  async exists(q: SqlQueryable, table: string): Promise<boolean> {
    if (this.tables.has(table)) return true;
    const { rows } = await q.query<{
      present: boolean;
      counts: DocumentCounts[] | null;
      ordered: OrderedElements[] | null;
      opaque: boolean | null;
      comment: string | null;
    }>(
      `SELECT to_regclass($1) IS NOT NULL AS present,
         (SELECT jsonb_agg(jsonb_build_object('countsTable', counts_table, 'paths', paths) ORDER BY name)
            FROM ${COUNTS_REGISTRY} WHERE tbl = $1) AS counts,
         (SELECT jsonb_agg(jsonb_build_object('sideTable', side_table, 'path', path, 'sort', sort) ORDER BY name)
            FROM ${ORDERED_REGISTRY} WHERE tbl = $1) AS ordered,
         ${OPAQUE_COLUMN} AS opaque, ${COMMENT_COLUMN} AS comment`,
      [table],
    );
    const found = rows[0];
    if (found?.present)
      this.add(table, {
        counts: found.counts ?? [],
        ordered: found.ordered ?? [],
        opaque: found.opaque === true,
        pathTypes: pathTypesOf(found.comment),
      });
    return this.tables.has(table);
  }

  /** The counts of a table known to exist (call exists first). */
  counts(table: string): DocumentCounts[] {
    return this.tables.get(table)?.counts ?? [];
  }

  /** The ordered elements of a table known to exist (call exists first). */
  ordered(table: string): OrderedElements[] {
    return this.tables.get(table)?.ordered ?? [];
  }

  /**
   * What reads name a table known to exist by (call exists first): the table, or for an opaque
   * one its text as jsonb under the table's name, so every read and filter works on it alike (and
   * unions with jsonb tables). The planner pulls the subquery up: `id` look-ups use the key.
   */
  source(table: string): string {
    const name = quoteIdent(table);
    return this.opaque(table) ? `(SELECT id, doc::jsonb AS doc FROM ${name}) AS ${name}` : name;
  }

  /** Whether a table known to exist keeps its documents as text (an opaque collection). */
  opaque(table: string): boolean {
    return this.tables.get(table)?.opaque === true;
  }

  /** The path types a table known to exist was made with (its indexes' and equalities' form). */
  pathTypes(table: string): PathTypes {
    return this.tables.get(table)?.pathTypes ?? {};
  }

  /** The type a written document's JSON text is cast to for this table (known to exist). */
  docType(table: string): 'jsonb' | 'text' {
    return this.opaque(table) ? 'text' : 'jsonb';
  }

  add(table: string, known: KnownTable): void {
    this.tables.set(table, known);
  }

  forget(table: string): void {
    this.tables.delete(table);
  }
}

export interface KnownTable {
  counts: DocumentCounts[];
  ordered: OrderedElements[];
  /** Documents stored as text (an opaque collection), not jsonb. */
  opaque: boolean;
  /** The path types it was made with (CollectionOptions.pathTypes): its btrees are on those forms. */
  pathTypes: PathTypes;
}

/**
 * The table named by $1's comment, where ensureCollection keeps what it was made with beyond its
 * columns (`{"pathTypes": …}`): it goes with the table, and a table made before has none.
 */
export const COMMENT_COLUMN = `obj_description(to_regclass($1), 'pg_class')`;

/** The path types a table's comment (COMMENT_COLUMN) records; none when it records none. */
export function pathTypesOf(comment: string | null): PathTypes {
  if (!comment) return {};
  try {
    const made = JSON.parse(comment) as { pathTypes?: unknown };
    const types = made.pathTypes;
    if (types === null || typeof types !== 'object' || Array.isArray(types)) return {};
    return Object.fromEntries(
      Object.entries(types).filter(([, type]) => type === 'string' || type === 'boolean'),
    ) as PathTypes;
  } catch {
    // A comment someone else wrote: the table was made without path types.
    return {};
  }
}

/** The comment that records a new table's path types (pathTypesOf reads it back). */
export function pathTypesComment(types: PathTypes): string {
  return JSON.stringify({ pathTypes: types });
}

/** Whether the table named by $1 keeps its documents as text (opaque), in a catalog look-up. */
export const OPAQUE_COLUMN = `coalesce((SELECT atttypid = 'text'::regtype FROM pg_attribute
  WHERE attrelid = to_regclass($1) AND attname = 'doc' AND NOT attisdropped), false)`;

/** Documents read under a checkpoint's lock, by collection: the ids asked for and those found. */
export type LockedReads = Map<string, { ids: ReadonlySet<string>; found: Document[] }>;

/** Ids per look-up or delete statement. */
const MAX_IDS_PER_STATEMENT = 5_000;
/**
 * Characters of JSON per bulk upsert: bounds what one statement holds in memory (PGlite's WASM
 * heap keeps its high-water mark), while a batch of small documents still goes in one statement.
 */
const MAX_JSON_PER_STATEMENT = 4 * 1024 * 1024;

/**
 * Fewer documents than this go by INSERT even where COPY is offered: on PostgreSQL a COPY is two
 * round trips (the COPY, then its data), which a live batch of a few documents, and so a
 * read-your-writes wait, would pay for; COPY's saving (about 5 µs of server CPU a document) only
 * outweighs that round trip from a few dozen documents on.
 */
const MIN_DOCUMENTS_FOR_COPY = 32;

/** The condition of a gated held write (DeferredWrites.sendGated): it writes only if `gate` has a row. */
function onlyIf(gate: string | undefined, keyword: 'WHERE' | 'AND'): string {
  return gate ? ` ${keyword} EXISTS (SELECT 1 FROM ${gate})` : '';
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The documents as JSON arrays of at most MAX_JSON_PER_STATEMENT characters (one document may exceed it alone). */
function jsonArraysOf(docs: readonly Document[]): string[] {
  const arrays: string[] = [];
  let parts: string[] = [];
  let length = 0;
  for (const doc of docs) {
    const json = JSON.stringify(doc);
    if (parts.length > 0 && length + json.length > MAX_JSON_PER_STATEMENT) {
      arrays.push(`[${parts.join(',')}]`);
      parts = [];
      length = 0;
    }
    parts.push(json);
    length += json.length + 1;
  }
  if (parts.length > 0) arrays.push(`[${parts.join(',')}]`);
  return arrays;
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * The documents as COPY text (`id<TAB>json` lines), UTF-8, in chunks of at most
 * MAX_JSON_PER_STATEMENT bytes (one document may exceed it alone). Written straight into buffers:
 * joining the lines into a string and encoding that afterwards cost ~2 µs more per document of ~700
 * characters (two documents per event in a replay).
 */
function copyTextsOf(docs: readonly Document[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let chunk = Buffer.alloc(0);
  let used = 0;
  docs.forEach((doc, i) => {
    const id = copyTextField(doc.id);
    const json = copyJsonField(JSON.stringify(doc));
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: room for the line whatever its characters.
    const room = (id.length + json.length) * 3 + 2;
    if (used + room > chunk.length) {
      if (used > 0) chunks.push(chunk.subarray(0, used));
      // Sized for the documents left, as long as this one's (a live batch's few take a few).
      chunk = Buffer.allocUnsafe(Math.max(room, Math.min(MAX_JSON_PER_STATEMENT, room * (docs.length - i))));
      used = 0;
    }
    used += chunk.write(id, used);
    chunk[used++] = TAB;
    used += chunk.write(json, used);
    chunk[used++] = NEWLINE;
  });
  if (used > 0) chunks.push(chunk.subarray(0, used));
  return chunks;
}

/**
 * Document reads and writes over one SQL connection or transaction. Reading a collection that
 * does not exist yet finds nothing (the API may start before the projector created it); writing
 * to one is a mistake and throws.
 */
export class SqlDocuments implements ReadStoreTransaction {
  constructor(
    private readonly q: SqlQueryable,
    private readonly known: KnownTables,
    /**
     * Where bulk writes (insertMany, putMany, deleteIds) are held back to share a statement with
     * the next read or the checkpoint (`transact`); without it each is sent at once.
     */
    private readonly deferred?: DeferredWrites,
    /**
     * Documents read with the checkpoint's lock (checkpoint-lock.ts): they answer the first read
     * of getManyAcross or getMany if it asks for no other id and comes before any write.
     */
    private firstReads?: LockedReads,
  ) {}

  /** Whether this has written anything (sent or held back). */
  wrote = false;

  /** The first read's documents from firstReads, if they answer it; they answer nothing after it. */
  private answeredByFirstReads(requests: readonly DocumentsWanted[]): Map<string, Document[]> | undefined {
    const reads = this.firstReads;
    this.firstReads = undefined;
    if (!reads) return undefined;
    const answer = new Map<string, Document[]>();
    for (const { collection, ids } of requests) {
      const read = reads.get(collection);
      if (!read || ids.some((id) => !read.ids.has(id))) return undefined;
      const wanted = new Set(ids);
      answer.set(
        collection,
        read.found.filter((doc) => wanted.has(doc.id)),
      );
    }
    return answer;
  }

  private noteWrite(): void {
    this.wrote = true;
    this.firstReads = undefined;
  }

  /** Sends the held-back writes before a read or a write not held back: it must see them, in order. */
  private async sendHeld(): Promise<void> {
    await this.deferred?.send();
  }

  async get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null> {
    const table = tableOf(collection);
    if (!(await this.known.exists(this.q, table))) return null;
    await this.sendHeld();
    // readOnly: the projector reads its generation pointer so every second; not kept (cachedRead),
    // the documents of its many callers are theirs to change.
    const { rows } = await this.q.query<{ doc: T }>(
      prepared(readOnly(`SELECT doc FROM ${this.known.source(table)} WHERE id = $1`)),
      [id],
    );
    return rows[0]?.doc ?? null;
  }

  async find<T extends DocumentShape = Document>(
    collection: string,
    query: FindQuery = {},
  ): Promise<FindResult<T>> {
    const table = tableOf(collection);
    const filter = query.filter ?? ALL;
    assertFilter(filter);
    assertSortKeys(query.sort ?? []);
    assertPaging(query.offset, query.limit);
    if (!(await this.known.exists(this.q, table))) return { items: [], total: 0 };
    await this.sendHeld();

    const params = new SqlParameters();
    const types = this.known.pathTypes(table);
    const where = recordFilterToSql(filter, params, types);
    const counts = countsFor(this.known.counts(table), filter);
    // The counts' groups keep their values as JSONB, indexed so (document-counts.ts).
    const groups = counts && Object.keys(types).length > 0 ? recordFilterToSql(filter, params) : where;
    if (query.limit === 0) return { items: [], total: await this.count(table, filter, counts) };
    const order = orderBy(query.sort ?? []);
    let text: string;
    if (counts && query.limit !== undefined) {
      const span = recordFilterToSql(spanOf(filter), params);
      const reach = params.add((query.offset ?? 0) + query.limit);
      const narrow = orderedReach({
        table,
        filter,
        where,
        order,
        sort: query.sort ?? [],
        reach,
        ordered: this.known.ordered(table),
        params,
        types,
      });
      text = countedPage({
        table,
        counts,
        where,
        groups,
        span,
        order,
        reach,
        limit: params.add(query.limit),
        offset: params.add(query.offset ?? 0),
        narrow,
      });
    } else {
      const limit = query.limit !== undefined ? ` LIMIT ${params.add(query.limit)}` : '';
      const offset = query.offset ? ` OFFSET ${params.add(query.offset)}` : '';
      const total = counts ? `(${countedTotal(counts, groups)})` : 'count(*) OVER ()';
      text = `SELECT doc, ${total} AS total FROM ${this.known.source(table)} WHERE ${where} ORDER BY ${order}${limit}${offset}`;
    }
    // A list's page: PGlite's client answers it again while nothing has written since (cachedRead).
    const { rows } = await this.q.query<{ doc: T; total: number | string }>(cachedRead(text), params.values);
    if (rows.length > 0) return { items: rows.map((row) => row.doc), total: Number(rows[0].total) };
    // A page past the end has no row to carry the total.
    return { items: [], total: query.offset ? await this.count(table, filter, counts) : 0 };
  }

  async countBy(collection: string, filter: RecordFilter, path: string): Promise<ValueCount[]> {
    const table = tableOf(collection);
    assertFilter(filter);
    assertDocumentPath(path);
    if (!(await this.known.exists(this.q, table))) return [];
    await this.sendHeld();
    const params = new SqlParameters();
    const where = recordFilterToSql(filter, params, this.known.pathTypes(table));
    const { rows } = await this.q.query<{ value: unknown; count: number | string }>(
      `SELECT ${jsonAt(path)} AS value, count(*) AS count FROM ${this.known.source(table)} WHERE ${where} GROUP BY 1`,
      params.values,
    );
    return mergeValueCounts(rows.map((row) => ({ value: row.value, count: Number(row.count) })));
  }

  async put(collection: string, doc: Document): Promise<void> {
    this.noteWrite();
    const table = tableOf(collection);
    assertDocument(doc);
    if (!(await this.known.exists(this.q, table))) throw new CollectionNotFoundError(collection);
    await this.deferred?.beforeWriteNotHeld();
    await this.q.query(
      `INSERT INTO ${quoteIdent(table)} (id, doc) VALUES ($1, $2::${this.known.docType(table)})
       ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`,
      [doc.id, JSON.stringify(doc)],
    );
  }

  async delete(collection: string, id: string): Promise<void> {
    this.noteWrite();
    const table = tableOf(collection);
    if (!(await this.known.exists(this.q, table))) return;
    await this.deferred?.beforeWriteNotHeld();
    await this.q.query(`DELETE FROM ${quoteIdent(table)} WHERE id = $1`, [id]);
  }

  async scan<T extends DocumentShape = Document>(
    collection: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<T[]> {
    const table = tableOf(collection);
    assertPaging(undefined, limit);
    if (!(await this.known.exists(this.q, table))) return [];
    await this.sendHeld();
    // id is COLLATE "C": byte order of UTF-8, which is code point order. Two statements, not an
    // `IS NULL OR`: each then walks the primary key from where the last page ended.
    const source = this.known.source(table);
    const { rows } =
      afterId === undefined
        ? await this.q.query<{ doc: T }>(`SELECT doc FROM ${source} ORDER BY id LIMIT $1`, [limit])
        : await this.q.query<{ doc: T }>(`SELECT doc FROM ${source} WHERE id > $1 ORDER BY id LIMIT $2`, [
            afterId,
            limit,
          ]);
    return rows.map((row) => row.doc);
  }

  async getManyAcross(requests: readonly DocumentsWanted[]): Promise<Map<string, Document[]>> {
    const answered = this.answeredByFirstReads(requests);
    if (answered) return answered;
    const found = new Map<string, Document[]>();
    const parts: string[] = [];
    const params: unknown[] = [];
    const collections: string[] = [];
    for (const { collection, ids } of requests) {
      if (found.has(collection)) throw new Error(`getManyAcross: ${collection} asked twice`);
      found.set(collection, []);
      const table = tableOf(collection);
      if (ids.length === 0 || !(await this.known.exists(this.q, table))) continue;
      // Many ids: that collection alone, in chunks, as getMany reads them.
      if (ids.length > MAX_IDS_PER_STATEMENT) {
        found.set(collection, await this.getMany(collection, ids));
        continue;
      }
      params.push([...ids]);
      parts.push(
        `SELECT ${collections.length}::int AS k, doc FROM ${this.known.source(table)} WHERE id = ANY($${params.length}::text[])`,
      );
      collections.push(collection);
    }
    if (parts.length === 0) return found;
    await this.sendHeld();
    const { rows } = await this.q.query<{ k: number; doc: Document }>(parts.join(' UNION ALL '), params);
    for (const row of rows) found.get(collections[row.k])!.push(row.doc);
    return found;
  }

  async getMany<T extends DocumentShape = Document>(
    collection: string,
    ids: readonly string[],
  ): Promise<T[]> {
    const answered = this.answeredByFirstReads([{ collection, ids }]);
    if (answered) return (answered.get(collection) ?? []) as T[];
    const table = tableOf(collection);
    if (ids.length === 0 || !(await this.known.exists(this.q, table))) return [];
    await this.sendHeld();
    const found: T[] = [];
    for (const chunk of chunksOf(ids, MAX_IDS_PER_STATEMENT)) {
      const { rows } = await this.q.query<{ doc: T }>(
        `SELECT doc FROM ${this.known.source(table)} WHERE id = ANY($1::text[])`,
        [chunk],
      );
      for (const row of rows) found.push(row.doc);
    }
    return found;
  }

  putMany(collection: string, docs: readonly Document[]): Promise<void> {
    return this.writeMany(collection, docs, 'ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc');
  }

  async insertMany(collection: string, docs: readonly Document[]): Promise<void> {
    this.noteWrite();
    const copyFrom = this.q.copyFrom?.bind(this.q);
    if (!copyFrom || docs.length < MIN_DOCUMENTS_FOR_COPY) return this.writeMany(collection, docs, '');
    // Documents known absent (a replay's new rows, mostly): COPY, where the connection has it, does
    // the same insert (a duplicate id fails it alike) without first splitting a JSON array into rows.
    const table = tableOf(collection);
    docs.forEach(assertDocument);
    if (docs.length === 0) return;
    if (!(await this.known.exists(this.q, table))) throw new CollectionNotFoundError(collection);
    await this.deferred?.beforeWriteNotHeld();
    for (const text of copyTextsOf(docs)) await copyFrom(table, ['id', 'doc'], text);
  }

  private async writeMany(collection: string, docs: readonly Document[], onConflict: string): Promise<void> {
    this.noteWrite();
    const table = tableOf(collection);
    docs.forEach(assertDocument);
    if (docs.length === 0) return;
    if (!(await this.known.exists(this.q, table))) throw new CollectionNotFoundError(collection);
    for (const json of jsonArraysOf(docs)) {
      // One statement, one parameter: the documents as a JSON array, split into rows by the server
      // (as json: splitting a jsonb array would first convert the whole array to jsonb).
      const insert = (values: string, gate?: string): string =>
        `INSERT INTO ${quoteIdent(table)} (id, doc)
         SELECT d ->> 'id', d::${this.known.docType(table)} FROM json_array_elements(${values}::json) AS d${onlyIf(gate, 'WHERE')} ${onConflict}`;
      if (this.deferred)
        await this.deferred.hold(table, (params, gate) => insert(params.add(json), gate), json.length);
      else await this.q.query(insert('$1'), [json]);
    }
  }

  async deleteIds(collection: string, ids: readonly string[]): Promise<void> {
    this.noteWrite();
    const table = tableOf(collection);
    if (ids.length === 0 || !(await this.known.exists(this.q, table))) return;
    for (const chunk of chunksOf(ids, MAX_IDS_PER_STATEMENT)) {
      const remove = (values: string, gate?: string): string =>
        `DELETE FROM ${quoteIdent(table)} WHERE id = ANY(${values}::text[])${onlyIf(gate, 'AND')}`;
      if (this.deferred) {
        const characters = chunk.reduce((sum, id) => sum + id.length + 3, 0);
        await this.deferred.hold(table, (params, gate) => remove(params.add(chunk), gate), characters);
      } else await this.q.query(remove('$1'), [chunk]);
    }
  }

  async deleteMany(collection: string, filter: RecordFilter): Promise<number> {
    this.noteWrite();
    const table = tableOf(collection);
    assertFilter(filter);
    if (!(await this.known.exists(this.q, table))) return 0;
    await this.deferred?.beforeWriteNotHeld();
    const params = new SqlParameters();
    const where = recordFilterToSql(filter, params, this.known.pathTypes(table));
    // An opaque table's filter works on its documents as jsonb (source), so it picks the ids there.
    const matching = this.known.opaque(table)
      ? `id IN (SELECT id FROM ${this.known.source(table)} WHERE ${where})`
      : where;
    const { rowCount } = await this.q.query(
      `DELETE FROM ${quoteIdent(table)} WHERE ${matching}`,
      params.values,
    );
    return rowCount;
  }

  /** The documents `filter` matches: summed from the counts' groups where there are counts. */
  private async count(
    table: string,
    filter: RecordFilter,
    counts: DocumentCounts | undefined,
  ): Promise<number> {
    const params = new SqlParameters();
    // The groups keep their values as JSONB: no path types there.
    const where = recordFilterToSql(filter, params, counts ? {} : this.known.pathTypes(table));
    const { rows } = await this.q.query<{ total: number | string }>(
      counts
        ? countedTotal(counts, where)
        : `SELECT count(*) AS total FROM ${this.known.source(table)} WHERE ${where}`,
      params.values,
    );
    return Number(rows[0]?.total ?? 0);
  }
}
