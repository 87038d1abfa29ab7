import type { RecordedEvent } from '@portal/event-store';
import { READ_MODELS, type LoginHistoryDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from './projection';
import { occurredAt } from './tracking';

const STREAM = /^portalUser-(.+)$/;
const KINDS: Record<string, LoginHistoryDoc['kind']> = {
  PortalUserLoggedIn: 'login',
  PortalUserLoginFailed: 'login_failed',
  PortalUserLoggedOut: 'logout',
};

interface SignInData {
  portalId?: string;
  ip?: string | null;
  userAgent?: string | null;
  reason?: string | null;
  at?: string;
}

/** login_history: a portal user's sign-ins, failed sign-ins and sign-outs, one document per event. */
export const loginHistoryProjection: Projection = {
  name: 'login_history',
  collections: [
    { name: READ_MODELS.loginHistory, indexes: [{ name: 'user_at', paths: ['portalUserId', 'at'] }] },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const kind = KINDS[event.type];
    const portalUserId = STREAM.exec(event.stream)?.[1];
    if (!kind || !portalUserId) return;
    const data = event.data as SignInData;
    const doc: LoginHistoryDoc = {
      id: event.id,
      portalUserId,
      portalId: data.portalId ?? '',
      kind,
      at: data.at ?? occurredAt(event),
      ip: data.ip ?? null,
      userAgent: data.userAgent ?? null,
      reason: data.reason ?? null,
    };
    docs.put(READ_MODELS.loginHistory, doc);
  },
};
