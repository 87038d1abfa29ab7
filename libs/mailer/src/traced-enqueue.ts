import { activeTraceparent, inSpan } from '@portal/tracing';
import type { EmailQueue } from './email-queue.port';
import type { EmailRequest } from './email-request';

/**
 * Adds an email job (BullMQ's or the in-process queue). With tracing on and a request that came
 * from traced work, the add is a producer span (`mailer.enqueue <kind>`) in that request's trace,
 * and the job carries the span's context, so the send continues from its enqueue.
 */
export function enqueueTraced(queue: EmailQueue, jobId: string, request: EmailRequest): Promise<void> {
  if (request.traceparent === undefined) return queue.add(jobId, request);
  return inSpan(
    `mailer.enqueue ${request.kind}`,
    {
      kind: 'producer',
      traceparent: request.traceparent,
      attributes: { 'portal.email.kind': request.kind, 'portal.email.job_id': jobId },
    },
    () => queue.add(jobId, { ...request, traceparent: activeTraceparent() ?? request.traceparent }),
  );
}
