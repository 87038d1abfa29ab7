// Runs a decision the spec expects to be refused and hands back the DomainError for its assertions.
import { DomainError } from '../domain-error';

export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but the command was accepted');
}

/** The refusal as the API's problem document carries it: the message is its detail. */
export function problem(run: () => unknown): {
  code: string;
  kind: string;
  message: string;
  errors: { path: string; message: string }[];
} {
  const { code, kind, message, errors } = refusal(run);
  return { code, kind, message, errors };
}
