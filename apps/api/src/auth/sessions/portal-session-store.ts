import { Inject, Injectable } from '@nestjs/common';
import {
  CHANGE_MARKS,
  generationCollection,
  OPERATIONAL,
  projectorCheckpoint,
  ReadModelNames,
  type ChangeMarkDoc,
} from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../../infrastructure/tokens';
import { accessMarksOf, recordsMarksOf, SESSION_MARK_IDS } from '../read-model-cache/read-model-marks';
import type { ReadModelsAt } from '../read-model-cache/checkpoint-cache';
import type { PortalSessionDoc, SessionEndReason } from './portal-session';

/** Portal sessions in the operational `portal_sessions` collection (never rebuilt from events). */
@Injectable()
export class PortalSessionStore {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async ensureCollection(): Promise<void> {
    await this.store.ensureCollection(OPERATIONAL.portalSessions, [
      { name: 'portal_user', paths: ['portalUserId'] },
    ]);
  }

  get(sessionId: string): Promise<PortalSessionDoc | null> {
    return this.store.get<PortalSessionDoc>(OPERATIONAL.portalSessions, sessionId);
  }

  /**
   * The session, fresh from the store, and where the read models stood at that moment (their
   * checkpoint and the access and records read models' change marks), in one statement: the portal
   * guard keys its cached portal and access context on them, PortalRecordReads its records and
   * pages. `stream`: the user's event stream, whose last revision the same statement reads where
   * the read store shares the event store's database (`streamRevision`; undefined where it cannot,
   * and the guard reads the event store).
   */
  async getWithReadModels(
    sessionId: string,
    stream?: string,
  ): Promise<{
    session: PortalSessionDoc | null;
    readModelsAt: ReadModelsAt | undefined;
    streamRevision?: number | null;
  }> {
    const generation = await this.names.activeGeneration();
    const projection = projectorCheckpoint(generation);
    const { doc, checkpoint, alongside, streamRevision } = await this.store.getWithCheckpoint<
      PortalSessionDoc,
      ChangeMarkDoc
    >(
      OPERATIONAL.portalSessions,
      sessionId,
      projection,
      { collection: generationCollection(generation, CHANGE_MARKS), ids: SESSION_MARK_IDS },
      stream,
    );
    const revision = streamRevision !== undefined ? { streamRevision } : {};
    if (checkpoint === undefined) return { session: doc, readModelsAt: undefined, ...revision };
    const accessMarks = accessMarksOf(alongside ?? [], checkpoint);
    const recordsMarks = recordsMarksOf(alongside ?? [], checkpoint);
    return {
      session: doc,
      readModelsAt: {
        projection,
        checkpoint,
        ...(accessMarks !== undefined ? { accessMarks } : {}),
        ...(recordsMarks !== undefined ? { recordsMarks } : {}),
      },
      ...revision,
    };
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
