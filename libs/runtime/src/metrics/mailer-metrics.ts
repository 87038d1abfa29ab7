import { Counter, Gauge, type Registry } from 'prom-client';
import type { EmailQueueCounts, MailerObserver } from '@portal/mailer';
import { sharedSample } from '@portal/platform';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The mailer's series: emails delivered, retried and failed by kind (counted as the worker
 * records outcomes) and, read at scrape time, the jobs in its queue by state (BullMQ's
 * getJobCounts, or the in-process queue's). While the queue cannot answer (Redis away) the queue
 * series are absent and `portal_email_queue_up` is 0.
 */
export function registerMailerMetrics(
  registry: Registry,
  queueCounts: () => Promise<EmailQueueCounts | undefined>,
): MailerObserver {
  const registers = [registry];
  const counter = (outcome: string, help: string) =>
    new Counter({ name: `portal_emails_${outcome}_total`, help, labelNames: ['kind'] as const, registers });
  const delivered = counter('delivered', 'Emails the transport took (EmailDelivered stored), by kind.');
  const retried = counter('retried', 'Failed tries the queue will try again later, by kind.');
  const failed = counter('failed', 'Emails given up (EmailDeliveryFailed stored), by kind.');
  const sample = sharedSample(() => queueCounts().catch(() => undefined));
  new Gauge({
    name: 'portal_email_queue_up',
    help: 'Whether the email queue answered this scrape (1) or not (0).',
    registers,
    async collect() {
      this.set((await sample()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'portal_email_queue_jobs',
    help: 'Email jobs in the queue by state, at scrape time.',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      this.reset();
      const counts = await sample();
      if (counts) for (const state of QUEUE_STATES) this.set({ state }, counts[state]);
    },
  });
  return {
    delivered: (kind) => delivered.inc({ kind }),
    retried: (kind) => retried.inc({ kind }),
    failed: (kind) => failed.inc({ kind }),
  };
}
