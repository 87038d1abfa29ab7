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
