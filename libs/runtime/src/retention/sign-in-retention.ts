import { randomUUID } from 'node:crypto';
import {
  SYSTEM_ACTOR,
  parseSignInOwner,
  SIGN_IN_RETENTION_STREAM,
  signInRetentionCutoff,
  type SignInRecordsExpired,
} from '@portal/domain';
import { PersonalDataEventStore, type EventStore } from '@portal/event-store';

/** Users named per SignInRecordsExpired event (a first run over a long history has many). */
const USERS_PER_EVENT = 500;

export interface SignInRetentionReport {
  /** Sign-in records of days before this are unreadable now. */
  before: string;
  /** Day keys destroyed, and the distinct users they belonged to. */
  keysDestroyed: number;
  users: number;
}

export interface SignInRetentionDeps {
  eventStore: EventStore;
  retentionDays: number;
  now: () => Date;
  /** Progress lines (counts only: no id, IP or user agent). */
  log: (fields: Record<string, unknown>, message: string) => void;
}

/**
 * Retention of sign-in records by crypto-shredding (sign-in-retention.ts in the domain says why):
 * destroys every portal user's sign-in day keys older than the retention, then appends
 * SignInRecordsExpired (ids and the cutoff day) so the projector patches the login history. The
 * keys go from the shared key store at once; other processes' key caches let go within 30 s.
 * Safe to repeat: a second run finds no key to destroy.
 * Null when this deployment keeps no data keys (EventStoreDB with MongoDB): nothing to shred.
 */
export async function runSignInRetention(deps: SignInRetentionDeps): Promise<SignInRetentionReport | null> {
  if (!(deps.eventStore instanceof PersonalDataEventStore)) {
    deps.log(
      { component: 'sign-in-retention' },
      'no data keys in this deployment: sign-in retention skipped',
    );
    return null;
  }
  const before = signInRetentionCutoff(deps.now(), deps.retentionDays);
  deps.log({ component: 'sign-in-retention', before }, 'destroying sign-in keys of earlier days');
  const erased = await deps.eventStore.keys.eraseDatedSubKeys('signIns', before);
  const users = [...new Set(erased.map(parseSignInOwner).flatMap((o) => (o ? [o.portalUserId] : [])))].sort();
  for (let i = 0; i < users.length; i += USERS_PER_EVENT) {
    const event: SignInRecordsExpired = {
      type: 'SignInRecordsExpired',
      data: { before, portalUserIds: users.slice(i, i + USERS_PER_EVENT) },
    };
    const id = randomUUID();
    const metadata = {
      actor: SYSTEM_ACTOR,
      correlationId: id,
      causationId: null,
      timestamp: deps.now().toISOString(),
    };
    await deps.eventStore.append(SIGN_IN_RETENTION_STREAM, [{ id, ...event, metadata }], 'any');
    deps.log(
      {
        component: 'sign-in-retention',
        users: Math.min(i + USERS_PER_EVENT, users.length),
        of: users.length,
      },
      'login history patched',
    );
  }
  const report = { before, keysDestroyed: erased.length, users: users.length };
  deps.log({ component: 'sign-in-retention', ...report }, 'sign-in retention done');
  return report;
}
