import { prepared } from '@portal/platform';
import type { SqlQueryable } from '@portal/platform';
import { SqlParameters } from './record-filter-to-sql';

/**
 * One held-back data-modifying statement: its text, given the parameters it adds its values to and,
 * when the statement is gated (sendGated), the name of the part without whose row it writes nothing.
 */
type HeldWrite = (params: SqlParameters, gate?: string) => string;

/**
 * Thrown where held-only writes (an optimistic transact, before it holds any lock) would have to
 * send a write on its own: the transaction is then run again the usual way, under the lock.
 */
export class WritesNotHeld extends Error {
  constructor() {
    super('A write could not be held back to the statement that moves the checkpoint');
    this.name = 'WritesNotHeld';
  }
}

/**
 * Characters of parameter values held back at most: what one statement then holds in memory stays
 * bounded as sql-documents.ts bounds each bulk write (a replay's batch writes tens of thousands of
 * documents; a live batch a few).
 */
const MAX_HELD_CHARACTERS = 4 * 1024 * 1024;

/**
 * The bulk writes of one transaction held back, to be sent as the data-modifying parts (writable
 * CTEs) of one statement: with the projection's checkpoint update at the end of `transact`, or
 * before the next read of the transaction, so every read still sees every earlier write. A live
 * one-event batch wrote four collections and then its checkpoint in five round trips, each of which a
 * read-your-writes read waited for; now it is one.
 *
 * All parts of one statement see the same snapshot and a row written twice in one statement is
 * written once, unpredictably: so a write to a table that a held write already writes sends the held
 * ones first, and each table is written by at most one part of a statement (its counts triggers
 * then see exactly that part's rows, as for a statement of its own).
 */
export class DeferredWrites {
  private held: HeldWrite[] = [];
  private readonly tables = new Set<string>();
  private characters = 0;

  /**
   * heldOnly: every write must go out with the last statement (sendGated); sending one before
   * (a read after a write, a table written twice, the size bound, a write not held back) throws
   * WritesNotHeld instead.
   */
  constructor(
    private readonly q: SqlQueryable,
    private readonly heldOnly = false,
  ) {}

  /** Holds a write to `table` back; `characters`: the size of its values, for the bound. */
  async hold(table: string, write: HeldWrite, characters: number): Promise<void> {
    if (this.tables.has(table) || this.characters + characters > MAX_HELD_CHARACTERS) await this.send();
    this.held.push(write);
    this.tables.add(table);
    this.characters += characters;
  }

  /** Sends what is held back (one statement), if anything: before a read, or a write not held back. */
  async send(): Promise<void> {
    if (this.held.length === 0) return;
    if (this.heldOnly) throw new WritesNotHeld();
    const params = new SqlParameters();
    const parts = this.take().map((write) => write(params));
    const text =
      parts.length === 1
        ? parts[0]
        : `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} SELECT NULL AS done`;
    await this.q.query(text, params.values);
  }

  /**
   * Sends what is held back with `last` (a statement, WITH allowed) as one statement: one round
   * trip for both, and they commit together or not at all. Answers `last`'s rows.
   */
  async sendWith<Row>(last: (params: SqlParameters) => string): Promise<Row[]> {
    const params = new SqlParameters();
    const parts = this.take().map((write, i) => `w${i} AS (${write(params)})`);
    let text = last(params);
    if (parts.length > 0) {
      // `last` may open with its own WITH: its parts then follow the held ones.
      text = /^\s*WITH\s/i.test(text)
        ? `WITH ${parts.join(', ')}, ${text.replace(/^\s*WITH\s/i, '')}`
        : `WITH ${parts.join(', ')} ${text}`;
    }
    const { rows } = await this.q.query<Row>(text, params.values);
    return rows;
  }

  /** Before a write that is not held back (COPY, a delete by filter): sends what is held first. */
  async beforeWriteNotHeld(): Promise<void> {
    if (this.heldOnly) throw new WritesNotHeld();
    await this.send();
  }

  /**
   * Sends what is held back as one statement whose first part is `gate` (a data-modifying
   * statement with RETURNING), each held write writing only if `gate` answered a row, and `last`
   * (which may read `gate` by its name) after them: all of it or nothing, in one round trip.
   */
  async sendGated<Row>(
    gate: { name: string; text: (params: SqlParameters) => string },
    last: (params: SqlParameters) => string,
  ): Promise<Row[]> {
    const params = new SqlParameters();
    const parts = [
      `${gate.name} AS (${gate.text(params)})`,
      ...this.take().map((write, i) => `w${i} AS (${write(params, gate.name)})`),
    ];
    // A live batch's statement (prepared): its text depends only on which tables the batch writes,
    // so the server parses and plans each shape once per connection (on PGlite, in this process,
    // that was most of the batch's CPU: bench/transact-probe.ts).
    const { rows } = await this.q.query<Row>(
      prepared(`WITH ${parts.join(', ')} ${last(params)}`),
      params.values,
    );
    return rows;
  }

  private take(): HeldWrite[] {
    const held = this.held;
    this.held = [];
    this.tables.clear();
    this.characters = 0;
    return held;
  }
}
