import { Inject, Injectable } from '@nestjs/common';
import { shareLinkStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { READ_MODELS, ReadModelNames, type ShareLinkDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { EVENT_STORE, READ_STORE } from '../../infrastructure/tokens';
import { actorRef } from '../record-document';
import type { HistoryEntry } from './record-history';

const MAX_LINKS = 1_000;

/**
 * The share links of a record as history entries (made, first opened, expired, revoked), from
 * each link's own stream. What the link shows and to whom never appears: no token, no hash.
 */
@Injectable()
export class ShareLinkHistory {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ReadModelNames,
  ) {}

  async of(entityType: string, recordId: string): Promise<HistoryEntry[]> {
    const { items } = await this.readStore.find<ShareLinkDoc & Record<string, unknown>>(
      await this.names.collection(READ_MODELS.shareLinks),
      {
        filter: {
          kind: 'and',
          filters: [
            { kind: 'eq', path: 'entityType', value: entityType },
            { kind: 'eq', path: 'recordId', value: recordId },
          ],
        },
        limit: MAX_LINKS,
      },
    );
    const streams = await Promise.all(
      items.map((link) => this.eventStore.readStream(shareLinkStream(link.id))),
    );
    return streams.flat().map((event): HistoryEntry => {
      const data = event.data as { linkId: string; expiresAt?: string };
      return {
        event: event.type,
        at: event.metadata.timestamp,
        revision: event.revision,
        actor: actorRef(event.metadata.actor),
        changes:
          event.type === 'ShareLinkCreated' ? { expiresAt: { from: null, to: data.expiresAt ?? null } } : {},
        shareLinkId: data.linkId,
      };
    });
  }
}
