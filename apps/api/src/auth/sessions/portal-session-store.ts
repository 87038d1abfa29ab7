import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../../infrastructure/tokens';
import type { PortalSessionDoc, SessionEndReason } from './portal-session';

/** Portal sessions in the operational `portal_sessions` collection (never rebuilt from events). */
@Injectable()
export class PortalSessionStore {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async ensureCollection(): Promise<void> {
    await this.store.ensureCollection(OPERATIONAL.portalSessions, [
      { name: 'portal_user', paths: ['portalUserId'] },
    ]);
  }

  get(sessionId: string): Promise<PortalSessionDoc | null> {
    return this.store.get<PortalSessionDoc>(OPERATIONAL.portalSessions, sessionId);
  }

  async start(session: PortalSessionDoc): Promise<void> {
    await this.store.write((tx) => tx.put(OPERATIONAL.portalSessions, session));
  }

  async touch(session: PortalSessionDoc, now: Date): Promise<void> {
    await this.store.write(async (tx) => {
      const current = await tx.get<PortalSessionDoc>(OPERATIONAL.portalSessions, session.id);
      if (current === null || current.endedAt !== null) return;
      await tx.put(OPERATIONAL.portalSessions, { ...current, lastSeenAt: now.toISOString() });
    });
  }

  /** Ends the session; true only for the call that ended it (so its logout event is appended once). */
  async end(sessionId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
    let ended = false;
    await this.store.write(async (tx) => {
      const current = await tx.get<PortalSessionDoc>(OPERATIONAL.portalSessions, sessionId);
      if (current === null || current.endedAt !== null) return;
      await tx.put(OPERATIONAL.portalSessions, { ...current, endedAt: now.toISOString(), endReason: reason });
      ended = true;
    });
    return ended;
  }

  /** Live sessions of a user (to end them all, e.g. after a password reset). */
  async liveOf(portalUserId: string): Promise<PortalSessionDoc[]> {
    const { items } = await this.store.find<PortalSessionDoc>(OPERATIONAL.portalSessions, {
      filter: {
        kind: 'and',
        filters: [
          { kind: 'eq', path: 'portalUserId', value: portalUserId },
          { kind: 'eq', path: 'endedAt', value: null },
        ],
      },
      limit: 1000,
    });
    return items;
  }
}
