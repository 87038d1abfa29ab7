import type { RecordedEvent } from '@portal/event-store';
import { READ_MODELS, type EmailDeliveryDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from './projection';
import { occurredAt } from './tracking';

const STREAM = /^emailDelivery-(.+)$/;

interface DeliveryData {
  kind?: string;
  to?: string | null;
  reason?: string;
  sourceEventId?: string;
  portalId?: string | null;
  portalUserId?: string | null;
}

/** email_deliveries: the mailer's outcome per email job (the latest one wins). */
export const emailDeliveriesProjection: Projection = {
  name: 'email_deliveries',
  collections: [
    {
      name: READ_MODELS.emailDeliveries,
      indexes: [
        { name: 'portal_user_at', paths: ['portalUserId', 'at'] },
        { name: 'source_event', paths: ['sourceEventId'] },
      ],
    },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const jobId = STREAM.exec(event.stream)?.[1];
    if (!jobId || (event.type !== 'EmailDelivered' && event.type !== 'EmailDeliveryFailed')) return;
    const data = event.data as DeliveryData;
    const doc: EmailDeliveryDoc = {
      id: jobId,
      kind: data.kind ?? 'unknown',
      to: data.to ?? '',
      status: event.type === 'EmailDelivered' ? 'delivered' : 'failed',
      reason: event.type === 'EmailDelivered' ? null : (data.reason ?? null),
      portalId: data.portalId ?? null,
      portalUserId: data.portalUserId ?? null,
      sourceEventId: data.sourceEventId ?? '',
      at: occurredAt(event),
    };
    docs.put(READ_MODELS.emailDeliveries, doc);
  },
};
