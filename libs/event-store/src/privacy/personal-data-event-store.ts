import type { SqlQueryable } from '@portal/platform';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import type { CacheTrust, DataKeyRing } from './data-key-ring';
import { addOwnersToOpen, EventOpener } from './event-opening';
import { isStoredCopy, sealEvent, type BatchKeys, type SealedList } from './event-sealing';
import type { PersonalDataPolicy } from './personal-data-policy.port';
import { valueAt } from './personal-values';

/** An event store that can append inside a transaction of the caller's (the SQL one). */
export interface TransactionalAppends {
  appendInTransaction(
    tx: SqlQueryable,
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
}

/**
 * An adapter that reads a page of the log, or a stream, and one scalar query of the caller's in one
 * statement (the SQL one).
 */
export interface ReadsBeside {
  readAllBeside(options: ReadAllOptions, beside: string): Promise<ReadBeside>;
  readStreamBeside(stream: string, options: ReadStreamOptions, beside: string): Promise<ReadBeside>;
}

/** Events read, and the scalar read beside them (text; null when no row came). */
export interface ReadBeside {
  events: RecordedEvent[];
  beside: string | null;
}

function readsBeside(store: EventStore): store is EventStore & ReadsBeside {
  const candidate = store as Partial<ReadsBeside>;
  return typeof candidate.readAllBeside === 'function' && typeof candidate.readStreamBeside === 'function';
}

export interface PersonalDataEventStoreOptions {
  /**
   * The key store's tables are in the adapter's own database and schema (the wiring knows: the SQL
   * event store keeps the keys). readAll's pages and readStream then read the erasure count in their
   * own statement (ReadsBeside) instead of a statement apart; anywhere else it would read another database's
   * count, so it is only for the wiring to say.
   */
  keysInStoredDatabase?: boolean;
}

export function appendsInCallerTransaction(store: EventStore): store is EventStore & TransactionalAppends {
  return typeof (store as Partial<TransactionalAppends>).appendInTransaction === 'function';
}

/**
 * Crypto-shredding around any event store (Axon's data-protection idea): on append the personal
 * values the policy names are encrypted with their owner's data key; on every read path (streams,
 * readAll, subscriptions) envelopes are opened again, next to the upcasters, so projections,
 * history, asOf, exports and rebuilds see plain values and need no change. Once an owner's key is
 * erased its values read as "[erased]" everywhere, replays included. Only the values change:
 * types, ids, positions and everything the audit checks stay as written.
 */
export class PersonalDataEventStore implements EventStore, Partial<TransactionalAppends> {
  readonly appendInTransaction?: TransactionalAppends['appendInTransaction'];
  readonly appendMany?: EventStore['appendMany'];
  readonly readStreams?: EventStore['readStreams'];
  readonly watchAppends?: EventStore['watchAppends'];
  /** The events read are the caller's alone when the adapter's are: they are opened in place. */
  readonly returnsUnsharedEvents: boolean;
  private readonly unsharedReads: boolean;
  /** Whether the last page readAll returned was full (how the next one reads the erasure count). */
  private pageAfterFullPage = false;
  /** The adapter and the erasure count's query, when the keys are in the adapter's database. */
  private readonly withCount: { stored: ReadsBeside; countSql: string } | undefined;

  constructor(
    /** The adapter beneath: events exactly as stored (envelopes unopened), for migrations and tests. */
    readonly stored: EventStore,
    readonly keys: DataKeyRing,
    private readonly policy: PersonalDataPolicy,
    private readonly onClose: () => Promise<void> = async () => {},
    options: PersonalDataEventStoreOptions = {},
  ) {
    this.unsharedReads = this.returnsUnsharedEvents = stored.returnsUnsharedEvents === true;
    const countSql = options.keysInStoredDatabase ? keys.erasureCountSql : undefined;
    if (countSql !== undefined && readsBeside(stored)) this.withCount = { stored, countSql };
    if (appendsInCallerTransaction(stored)) {
      const appendInTx = stored.appendInTransaction.bind(stored);
      // Kept once appended; should the caller's transaction then roll back, what was kept is values
      // of a sealed text no event holds, found by no read (and bounded like any other).
      this.appendInTransaction = async (tx, stream, events, expected) => {
        const sealed: SealedList[] = [];
        const result = await appendInTx(tx, stream, await this.protect(stream, events, sealed), expected);
        this.keepOpened(sealed);
        return result;
      };
    }
    if (stored.readStreams) {
      const readStreams = stored.readStreams.bind(stored);
      // Revealed together: one key look-up for every owner the batch names.
      this.readStreams = async (ranges) => {
        const lists = await readStreams(ranges);
        const revealed = await this.reveal(lists.flat(), 'check', this.unsharedReads);
        let at = 0;
        return lists.map((list) => revealed.slice(at, (at += list.length)));
      };
    }
    // A wake-up carries no event: nothing to reveal.
    if (stored.watchAppends) this.watchAppends = stored.watchAppends.bind(stored);
    if (stored.appendMany) {
      const appendMany = stored.appendMany.bind(stored);
      this.appendMany = async (appends) => {
        const sealed: SealedList[] = [];
        const results = await appendMany(
          await Promise.all(
            appends.map(async (a) => ({ ...a, events: await this.protect(a.stream, a.events, sealed) })),
          ),
        );
        this.keepOpened(sealed);
        return results;
      };
    }
  }

  /** Whether readAll and readStream take the erasure count in their own statement (keysInStoredDatabase). */
  get readsErasureCountInStatement(): boolean {
    return this.withCount !== undefined;
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const sealed: SealedList[] = [];
    const toStore = this.protectNow(stream, events, sealed);
    const result = await this.stored.append(
      stream,
      Array.isArray(toStore) ? toStore : await toStore,
      expected,
    );
    this.keepOpened(sealed);
    return result;
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (this.withCount) {
      // The count in the stream's own statement (as readAll's pages): a command loading a stream
      // that holds personal values sends one statement instead of two (the stream, then the count).
      const { stored, countSql } = this.withCount;
      const checkedAt = this.keys.checkStart();
      return this.revealWithCount(await stored.readStreamBeside(stream, options ?? {}, countSql), checkedAt);
    }
    return this.reveal(await this.stored.readStream(stream, options), 'check', this.unsharedReads);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    if (this.withCount) {
      // The count read in the page's own statement (PostgreSQL): its snapshot sees every erasure
      // that returned before this read began, with no statement of its own (a pg round trip cost
      // the client ~0.2-0.4 µs per event of a 1,000-event page).
      const { stored, countSql } = this.withCount;
      const checkedAt = this.keys.checkStart();
      return this.revealWithCount(await stored.readAllBeside(options ?? {}, countSql), checkedAt);
    }
    const limit = options?.limit;
    if (this.pageAfterFullPage) {
      // Paging through a long log: this page is likely full too, so the erasure count is read
      // beside it (on PostgreSQL on another connection, at the same time) and checking the key
      // cache adds no round trip after the page. Started with the read, so it sees every erasure
      // that returned before this read began.
      const [events, check] = await Promise.all([this.stored.readAll(options), this.keys.erasureCount()]);
      this.pageAfterFullPage = limit !== undefined && limit > 0 && events.length >= limit;
      return this.reveal(events, check, this.unsharedReads);
    }
    // The first page, or the one after a short page (most often empty: the end of the log). The
    // count is read after it only if it holds something to open, in the statement asking for any
    // key not cached: an empty page, or one with nothing personal, asks the key store nothing.
    const events = await this.stored.readAll(options);
    this.pageAfterFullPage = limit !== undefined && limit > 0 && events.length >= limit;
    return this.reveal(events, 'check', this.unsharedReads);
  }

  /**
   * Events read with the erasure count in their statement, opened with it. No row, no count: an
   * empty read holds nothing to open, so reveal asks the key store nothing.
   */
  private revealWithCount({ events, beside }: ReadBeside, checkedAt: number): Promise<RecordedEvent[]> {
    const erasures = beside === null ? Number.NaN : Number(beside);
    const trust: CacheTrust = Number.isFinite(erasures) ? { erasures, checkedAt } : 'check';
    return this.reveal(events, trust, this.unsharedReads);
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.stored.subscribe(options, async (event) => {
      // One event at a time: the cache is re-checked at most every second (DataKeyRing says why).
      const [revealed] = await this.reveal([event], 'throttled', this.unsharedReads);
      await handler(revealed);
    });
  }

  headPosition(): Promise<number> {
    return this.stored.headPosition();
  }

  identity(): Promise<string> {
    return this.stored.identity();
  }

  async close(): Promise<void> {
    await this.stored.close();
    await this.onClose();
  }

  /**
   * The events with their personal values encrypted (copies: the caller's objects stay plain), each
   * list sealed added to `sealedLists` when given.
   */
  async protect(stream: string, events: NewEvent[], sealedLists?: SealedList[]): Promise<NewEvent[]> {
    return this.protectNow(stream, events, sealedLists);
  }

  /** protect(), answered at once (not a promise) when every owner's key is cached. */
  private protectNow(
    stream: string,
    events: NewEvent[],
    sealedLists?: SealedList[],
  ): NewEvent[] | Promise<NewEvent[]> {
    // The values still to seal (a stored copy, or a value absent, needs no key).
    const planned = events.map((event) => ({
      event,
      fields: this.policy.personalFields(stream, event).filter((field) => {
        const value = valueAt(event, field.path);
        return typeof value === 'string' && !isStoredCopy(value, field.owner, event.metadata);
      }),
    }));
    const owners = new Set<DataKeyOwner>();
    for (const { fields } of planned) for (const field of fields) owners.add(field.owner);
    if (owners.size === 0) return events;
    // One lookup for the batch (from the cache once the owners are known), not one per value.
    const keys = this.keys.keysForWriting(owners);
    const sealAll = (batch: BatchKeys) =>
      planned.map(({ event, fields }) => sealEvent(event, fields, batch, sealedLists));
    return keys instanceof Map ? sealAll(keys) : keys.then(sealAll);
  }

  /**
   * The values of lists just appended, kept as if opened: the first read of a fresh event (the
   * projector's, the next command's) deciphers nothing. Only once the append succeeded (a refused
   * one is read by nobody), and only under the key the ring still holds for the owner
   * (rememberOpened): an erasure it learnt of meanwhile keeps them out.
   */
  private keepOpened(sealedLists: readonly SealedList[]): void {
    for (const { key, sealed, values } of sealedLists) this.keys.rememberOpened(key, sealed, values);
  }

  /**
   * The events with every envelope opened ("[erased]" where the key is gone): the owners' keys
   * fetched once for the batch (DataKeyRing says when the cache is trusted), each owner's sealed
   * list in an event opened once (event-opening.ts), and only the objects holding one copied.
   */
  async reveal(
    events: RecordedEvent[],
    trust: CacheTrust = 'check',
    /** The events are this reader's alone (read from `stored` just now, and it says so): opened in place. */
    unshared = false,
  ): Promise<RecordedEvent[]> {
    const owners = new Set<DataKeyOwner>();
    // Which events hold anything to open: the others read as stored, not walked again.
    const toOpen = events.map((event) => addOwnersToOpen(event, owners));
    if (owners.size === 0) {
      for (const event of events) this.forgetErasedBy(event);
      return events;
    }
    const opener = new EventOpener(await this.keys.keysForReading(owners, trust), this.keys, unshared);
    const out: RecordedEvent[] = [];
    for (let i = 0; i < events.length; i += 1) {
      const event = events[i];
      // An erasure in the batch: the events after it read without those keys.
      if (this.forgetErasedBy(event)) opener.keys = await this.keys.keysForReading(owners);
      if (!toOpen[i]) {
        out.push(event);
        continue;
      }
      let opened = opener.open(event);
      if (opened === undefined) {
        // v1 envelopes of owners its lists do not name (addOwnersToOpen): their keys too, then again.
        for (const owner of opener.missing) owners.add(owner);
        opener.keys = await this.keys.keysForReading(owners, trust);
        opened = opener.open(event);
        if (opened === undefined) throw new Error('keys looked up for an event were not found');
      }
      out.push(opened);
    }
    return out;
  }

  /** An erasure event passing by: forget those keys in this process now. True when it is one. */
  private forgetErasedBy(event: RecordedEvent): boolean {
    const owners = this.policy.erasedOwners(event);
    if (owners.length === 0) return false;
    this.keys.evict(owners);
    return true;
  }
}
