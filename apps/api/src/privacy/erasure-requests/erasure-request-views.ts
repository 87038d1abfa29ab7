import type { ErasureRequestStatus } from '@portal/domain';

export interface ErasureRequestView {
  id: string;
  subjectId: string;
  portalUserId: string;
  portalId: string;
  /** What the person wrote ("[erased]" once they are). */
  reason: string | null;
  status: ErasureRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  refusalReason: string | null;
}

interface LoggedEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: { timestamp?: unknown };
  recordedAt: string;
}

const atOf = (event: LoggedEvent) =>
  typeof event.metadata.timestamp === 'string' ? event.metadata.timestamp : event.recordedAt;

/** The requests the log's erasure-request events describe, oldest first. */
export function erasureRequestViews(events: Iterable<LoggedEvent>): ErasureRequestView[] {
  const views = new Map<string, ErasureRequestView>();
  for (const event of events) {
    const id = event.data.requestId;
    if (typeof id !== 'string') continue;
    if (event.type === 'ErasureRequested') {
      views.set(id, {
        id,
        subjectId: String(event.data.subjectId),
        portalUserId: String(event.data.portalUserId),
        portalId: String(event.data.portalId),
        reason: typeof event.data.reason === 'string' ? event.data.reason : null,
        status: 'pending',
        requestedAt: atOf(event),
        decidedAt: null,
        refusalReason: null,
      });
      continue;
    }
    const view = views.get(id);
    if (!view) continue;
    if (event.type === 'ErasureRequestApproved')
      views.set(id, { ...view, status: 'approved', decidedAt: atOf(event) });
    if (event.type === 'ErasureRequestRefused') {
      const refusalReason = typeof event.data.reason === 'string' ? event.data.reason : null;
      views.set(id, { ...view, status: 'refused', decidedAt: atOf(event), refusalReason });
    }
  }
  return [...views.values()];
}
