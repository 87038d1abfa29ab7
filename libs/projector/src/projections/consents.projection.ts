import type { RecordedEvent } from '@portal/event-store';
import { READ_MODELS, type ConsentDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from './projection';
import { occurredAt } from './tracking';

const STREAM = /^portalUser-(.+)$/;
const ACTIONS: Record<string, ConsentDoc['action']> = {
  ConsentGiven: 'given',
  ConsentWithdrawn: 'withdrawn',
};

/** consents: every consent a portal user gave or withdrew, one document per event (admins list them). */
export const consentsProjection: Projection = {
  name: 'consents',
  collections: [
    {
      name: READ_MODELS.consents,
      indexes: [
        { name: 'portal_at', paths: ['portalId', 'at'] },
        { name: 'user_at', paths: ['portalUserId', 'at'] },
      ],
    },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const action = ACTIONS[event.type];
    const portalUserId = STREAM.exec(event.stream)?.[1];
    if (!action || !portalUserId) return;
    const data = event.data as { portalId?: string; version?: string };
    const doc: ConsentDoc = {
      id: event.id,
      portalUserId,
      portalId: data.portalId ?? '',
      version: data.version ?? '',
      action,
      at: occurredAt(event),
    };
    docs.put(READ_MODELS.consents, doc);
  },
};
