import {
  type PortalUserEvent,
  type PortalUserState,
  type PortalUserStatus,
  evolvePortalUser,
  fold,
  initialPortalUserState,
  portalUserStatus,
} from '@portal/domain';
import type { RecordedEvent } from '@portal/event-store';
import { eventsAsOf, foldedUpTo } from '../events-as-of';
import { redactSecrets } from '../redact-secrets';

/** A portal user as it was at a moment (token hashes redacted). */
export interface PortalUserAsOf {
  id: string;
  asOf: string;
  revision: number;
  at: string;
  status: PortalUserStatus;
  state: Omit<PortalUserState, 'exists'>;
}

/** Folds a portal user's stream up to `asOfMs`; null when the user did not exist then. */
export function portalUserAsOf(
  id: string,
  userEvents: readonly RecordedEvent[],
  asOfMs: number,
): PortalUserAsOf | null {
  const events = eventsAsOf(userEvents, asOfMs);
  const folded = fold(
    evolvePortalUser,
    initialPortalUserState,
    events.map((event) => ({ type: event.type, data: event.data }) as PortalUserEvent),
  );
  if (!folded.exists) return null;
  const { exists: _exists, ...state } = folded;
  return {
    id,
    asOf: new Date(asOfMs).toISOString(),
    ...foldedUpTo(events),
    status: portalUserStatus(folded),
    state: redactSecrets(state),
  };
}
