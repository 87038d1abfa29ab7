import type { RecordedEvent } from '@portal/event-store';
import { recordSpan, tracingOn } from '@portal/tracing';

/**
 * With tracing on, one span per projected event in the trace of the request that wrote it (its
 * metadata's `traceparent`), spanning the batch that folded it in: one trace then shows a command
 * and its projection. Events written without a trace (or before tracing) get none.
 */
export function traceProjectedEvents(
  batch: readonly RecordedEvent[],
  generation: number,
  startTime: number,
  endTime: number,
): void {
  if (!tracingOn()) return;
  for (const event of batch) {
    const traceparent = event.metadata.traceparent;
    if (typeof traceparent !== 'string') continue;
    recordSpan(`projector.project ${event.type}`, {
      kind: 'consumer',
      traceparent,
      startTime,
      endTime,
      attributes: {
        'portal.event.type': event.type,
        'portal.event.position': event.position,
        'portal.projector.generation': generation,
        'portal.projector.batch_size': batch.length,
      },
    });
  }
}
