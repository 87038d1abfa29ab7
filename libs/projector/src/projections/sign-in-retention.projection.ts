import type { RecordedEvent } from '@portal/event-store';
import type { SignInRecordsExpired } from '@portal/domain';
import { READ_MODELS, type LoginHistoryDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from './projection';

const ERASED = '[erased]';

/**
 * The retention job destroyed the sign-in keys of days before `before`: the login history of those
 * users shows "[erased]" for the IP and user agent of such days, exactly what a fresh fold of the
 * log now reads. Deterministic (the day comes from the event, never the clock).
 */
export const signInRetentionProjection: Projection = {
  name: 'sign_in_retention',
  collections: [],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (event.type !== 'SignInRecordsExpired') return;
    const { before, portalUserIds } = event.data as SignInRecordsExpired['data'];
    for (const portalUserId of portalUserIds) {
      const { items } = await docs.find<LoginHistoryDoc>(READ_MODELS.loginHistory, {
        filter: { kind: 'eq', path: 'portalUserId', value: portalUserId },
      });
      for (const entry of items) {
        if (entry.at.slice(0, 10) >= before || entry.kind === 'logout') continue;
        const ip = typeof entry.ip === 'string' ? ERASED : entry.ip;
        const userAgent = typeof entry.userAgent === 'string' ? ERASED : entry.userAgent;
        if (ip !== entry.ip || userAgent !== entry.userAgent) {
          const patched: LoginHistoryDoc = { ...entry, ip, userAgent };
          docs.put(READ_MODELS.loginHistory, patched);
        }
      }
    }
  },
};
