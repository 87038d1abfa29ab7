import type { MessageKey } from '../i18n/en.js';

/** What is wrong with one field, as a catalogue message and its parameters. */
export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, number>;
}

/** Field name → its problems; '' holds problems about the form as a whole. */
export type FieldProblems = Map<string, FieldProblem[]>;

export function addProblem(problems: FieldProblems, field: string, problem: FieldProblem): void {
  problems.set(field, [...(problems.get(field) ?? []), problem]);
}
