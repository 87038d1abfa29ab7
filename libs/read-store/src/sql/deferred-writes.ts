import type { SqlQueryable } from '@portal/platform';
import { SqlParameters } from './record-filter-to-sql';

/** One held-back data-modifying statement: its text, given the parameters it adds its values to. */
type HeldWrite = (params: SqlParameters) => string;

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

  constructor(private readonly q: SqlQueryable) {}

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

  private take(): HeldWrite[] {
    const held = this.held;
    this.held = [];
    this.tables.clear();
    this.characters = 0;
    return held;
  }
}
