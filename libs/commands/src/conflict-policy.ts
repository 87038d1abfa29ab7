import { WrongExpectedRevision } from '@portal/event-store';

/**
 * How many times a command is decided when other writers keep appending to its stream between its
 * read and its append. Each attempt reads the fresh state, so the decider judges what is there
 * now (a seat limit reached, a token used) and may refuse.
 */
export const CONFLICT_ATTEMPTS = 5;

/**
 * The one conflict policy: run `attempt` (read → decide → append) again on WrongExpectedRevision,
 * up to CONFLICT_ATTEMPTS times; the last conflict is thrown (the API answers 409).
 */
export async function retryOnConflict<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  onConflict: (willRetry: boolean) => void = () => undefined,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt(i);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      onConflict(i < CONFLICT_ATTEMPTS);
      if (i >= CONFLICT_ATTEMPTS) throw error;
    }
  }
}
