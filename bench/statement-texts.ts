// Counts every SQL statement this process makes while counting is on, by its first words (BEGIN
// and COMMIT of a transaction count as two): what a rebuild costs in round trips, a figure machine
// load cannot move. Hooks both SQL clients' statements once per process (sql-statement-hooks.ts).
import { hookSqlStatements } from './sql-statement-hooks';

const TEXT_PREFIX = 110;
let counts: Map<string, number> | undefined;
/** Milliseconds from sending each statement to its answer, by text (transactions: their whole span). */
let millis: Map<string, number> | undefined;
let installed = false;

function add(text: string, n = 1): void {
  if (!counts) return;
  const key = keyOf(text);
  counts.set(key, (counts.get(key) ?? 0) + n);
}

function timed<T>(text: string, answer: Promise<T>): Promise<T> {
  if (!millis) return answer;
  const started = performance.now();
  const key = keyOf(text);
  const add = (): void => {
    if (millis) millis.set(key, (millis.get(key) ?? 0) + performance.now() - started);
  };
  answer.then(add, add);
  return answer;
}

function keyOf(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/g\d+_/g, 'gN_').trim().slice(0, TEXT_PREFIX);
}

function install(): void {
  if (installed) return;
  installed = true;
  hookSqlStatements((text, n, run) => {
    add(text, n);
    return timed(text, run());
  });
}

export interface StatementTexts {
  total: number;
  /** The n texts that took longest in all: [text, count, milliseconds]. */
  top(n: number): Array<[string, number, number]>;
}

/** Starts counting; `stop` ends it and returns what was counted. */
export function countStatements(): { stop(): StatementTexts } {
  install();
  counts = new Map();
  millis = new Map();
  return {
    stop(): StatementTexts {
      const done = counts ?? new Map<string, number>();
      const took = millis ?? new Map<string, number>();
      counts = undefined;
      millis = undefined;
      const total = [...done.values()].reduce((a, b) => a + b, 0);
      const rows = [...done.entries()].map(([text, n]): [string, number, number] => [
        text,
        n,
        Math.round(took.get(text) ?? 0),
      ]);
      return { total, top: (n) => rows.sort((a, b) => b[2] - a[2]).slice(0, n) };
    },
  };
}
