import {
  evolvePortal,
  evolvePortalUser,
  fold,
  initialPortalState,
  initialPortalUserState,
  portalStream,
  portalUserStream,
  type PortalEvent,
  type PortalUserEvent,
} from '@portal/domain';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import { BatchedStreamReads } from './batched-stream-reads';
import type { MailDirectory, MailPortal, MailRecipient } from './mail-directory.port';

// The domain's evolve functions take { type, data }; recorded events carry more, which they ignore.
const asDomainEvents = <E>(events: RecordedEvent[]) => events as unknown as E[];

/**
 * Folds the portal and the portal user straight from their streams with the domain's own evolve
 * functions: always current (no projection lag), at the cost of one stream read per email (batched
 * with the other jobs' reads where the store can).
 */
export class EventStoreMailDirectory implements MailDirectory {
  constructor(
    events: EventStore,
    private readonly reads = new BatchedStreamReads(events),
  ) {}

  async portal(portalId: string): Promise<MailPortal | undefined> {
    const events = await this.reads.read({ stream: portalStream(portalId) });
    const state = fold(evolvePortal, initialPortalState, asDomainEvents<PortalEvent>(events));
    if (!state.exists) return undefined;
    return {
      id: portalId,
      name: state.name,
      slug: state.slug,
      language: state.settings.language,
      timeZone: state.settings.timeZone,
      branding: {
        primaryColor: state.branding.primaryColor ?? undefined,
        logoUrl: state.branding.logoUrl ?? undefined,
      },
    };
  }

  async portalUser(portalUserId: string): Promise<MailRecipient | undefined> {
    const events = await this.reads.read({ stream: portalUserStream(portalUserId) });
    const state = fold(evolvePortalUser, initialPortalUserState, asDomainEvents<PortalUserEvent>(events));
    if (!state.exists) return undefined;
    return {
      id: portalUserId,
      email: state.email,
      firstName: state.firstName || undefined,
      lastName: state.lastName || undefined,
      language: state.preferences.language ?? undefined,
      portalIds: state.portalIds,
      restricted: state.restricted,
    };
  }
}
