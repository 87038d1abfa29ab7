import { WrongExpectedRevision } from '@portal/event-store';

const ATTEMPTS = 5;

/**
 * Runs a load-decide-append again when another writer appended to the stream in between: the
 * next attempt decides on the fresh state (which may then refuse, e.g. a seat limit reached).
 * For shared streams (reservations, a portal's seats) where the caller did not pin a revision.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision) || i >= ATTEMPTS) throw error;
    }
  }
}
