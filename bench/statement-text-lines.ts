import type { RequestKind, StatementCounts } from './statement-counter';

/**
 * One kind's statements by their first words (BENCH_STATEMENT_TEXTS=true), each with how many times
 * it ran per `per` (a request, a command, a sample), as log lines; none when texts were not kept.
 */
export function statementTextLines(
  counts: StatementCounts,
  kind: RequestKind,
  per: number,
  label = '',
): string[] {
  return Object.entries(counts[kind]?.texts ?? {}).map(
    ([text, count]) => `    ${label}${(count / per).toFixed(2)} × ${text}`,
  );
}
