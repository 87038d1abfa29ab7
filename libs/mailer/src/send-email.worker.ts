import type { EventStore, NewEvent } from '@portal/event-store';
import { inSpan } from '@portal/tracing';
import { composeCaseEmail } from './case-email-composer';
import type { CaseRecipients } from './case-recipients.port';
import { classifyDeliveryError, NotKnownYetError, PermanentDeliveryError } from './delivery-errors';
import { emailDelivered, emailDeliveryFailed } from './delivery-events';
import { composeEmail, type ComposerSettings } from './email-composer';
import {
  caseEmailUpdates,
  emailDeliveryStream,
  isCaseEmailRequest,
  type CaseEmailRequest,
  type EmailRequest,
  type TokenEmailRequest,
} from './email-request';
import { PermanentJobFailure, type EmailJob } from './email-queue.port';
import type { MailDirectory, MailRecipient } from './mail-directory.port';
import type { MailerLogger } from './mailer-logger';
import type { MailerObserver } from './mailer-observer';
import type { PendingEmails } from './pending-emails.port';
import type { OutgoingEmail } from './outgoing-email';
import type { MailTransport } from './transports/mail-transport';
import { WriteBatcher } from './write-batcher';
import { EventLoopTurns } from './event-loop-turns';
import { BatchedStreamReads } from './batched-stream-reads';

export interface SendEmailDependencies {
  events: EventStore;
  directory: MailDirectory;
  /** Needed for case emails only: a case job without it fails permanently. */
  recipients?: CaseRecipients;
  transport: MailTransport;
  composer: ComposerSettings;
  logger: MailerLogger;
  /** Settled once a job's outcome is in the event store; unset: nothing to settle. */
  pending?: PendingEmails;
  /** Told of each delivery, retry and final failure (the email counters of /metrics). */
  observer?: MailerObserver;
  now?: () => Date;
  /** Shared with the subscriber: each job waits for its slice of the event loop. */
  turns?: EventLoopTurns;
  /** Stream reads shared with the directory, so the jobs at work read their streams together. */
  reads?: BatchedStreamReads;
  /** Outcomes and settlements gathered into one write: at most this many (default 32)… */
  batchMaxItems?: number;
  /** …or what arrived within this many ms of the first (default 20: sends through a small SMTP pool finish one by one, and each write also costs the projector a batch). */
  batchMaxDelayMs?: number;
}

/** One outcome event for its job's delivery stream. */
interface Outcome {
  stream: string;
  event: NewEvent;
}

export type SendEmailOutcome = 'delivered' | 'already-delivered' | 'already-failed';

/**
 * One email job: look up who and which portal, render, send, and record the outcome in the event
 * store on `emailDelivery-<jobId>`. A job that finds EmailDelivered there sends nothing, so a
 * redelivered job (worker crash, stalled lock) does not mail twice; the one window left is a crash
 * between the server accepting the message and the event being stored.
 */
export class SendEmailProcessor {
  private readonly now: () => Date;
  private readonly active = new Set<string>();
  private readonly outcomes: WriteBatcher<Outcome>;
  private readonly settlements: WriteBatcher<string>;
  private readonly turns: EventLoopTurns;
  private readonly reads: BatchedStreamReads;

  constructor(private readonly deps: SendEmailDependencies) {
    this.turns = deps.turns ?? new EventLoopTurns();
    this.reads = deps.reads ?? new BatchedStreamReads(deps.events);
    this.now = deps.now ?? (() => new Date());
    const batch = { maxItems: deps.batchMaxItems ?? 32, maxDelayMs: deps.batchMaxDelayMs ?? 20 };
    this.outcomes = new WriteBatcher({ ...batch, write: (items) => this.writeOutcomes(items) });
    this.settlements = new WriteBatcher({
      ...batch,
      write: async (jobIds) => {
        await deps.pending?.settle(jobIds);
        return jobIds.map(() => undefined);
      },
    });
  }

  /** Writes what is gathered (outcomes, then settlements): a stopping mailer leaves nothing behind. */
  async drain(): Promise<void> {
    await this.outcomes.drain();
    await this.settlements.drain();
  }

  /** Whether this process is working on the job now (the sweeper leaves such jobs alone). */
  isActive(jobId: string): boolean {
    return this.active.has(jobId);
  }

  /** With tracing on, in the trace of the request whose event asked for the email. */
  process(job: EmailJob): Promise<SendEmailOutcome> {
    return inSpan(
      `mailer.send ${job.request.kind}`,
      {
        kind: 'consumer',
        traceparent: job.request.traceparent,
        attributes: {
          'portal.email.kind': job.request.kind,
          'portal.email.job_id': job.id,
          'portal.email.attempt': job.attemptsMade + 1,
        },
      },
      () => this.processJob(job),
    );
  }

  private async processJob(job: EmailJob): Promise<SendEmailOutcome> {
    const jobId = job.id;
    this.active.add(jobId);
    try {
      await this.turns.take();
      const outcome = await this.deliver(job, jobId);
      await this.settle(jobId);
      return outcome;
    } catch (error) {
      if (error instanceof PermanentJobFailure) await this.settle(jobId);
      throw error;
    } finally {
      this.active.delete(jobId);
    }
  }

  /** The outcome is in the event store: the job leaves the pending list (the sweeper retries a failure here). */
  private async settle(jobId: string): Promise<void> {
    if (!this.deps.pending) return;
    await this.settlements.add(jobId).catch((error: unknown) => {
      this.deps.logger.warn(
        `email ${jobId}: could not settle its pending entry: ${(error as Error).message}`,
      );
    });
  }

  private async deliver(job: EmailJob, jobId: string): Promise<SendEmailOutcome> {
    const request = job.request;
    const stream = emailDeliveryStream(jobId);
    const history = await this.reads.read({ stream });
    if (history.some((e) => e.type === 'EmailDelivered')) return 'already-delivered';
    if (history.some((e) => e.type === 'EmailDeliveryFailed' && e.data.permanent === true))
      return 'already-failed';

    let email: OutgoingEmail | undefined;
    let messageId: string;
    try {
      email = await this.compose(request, jobId);
      ({ messageId } = await this.deps.transport.send(email, jobId));
    } catch (error) {
      const failure = classifyDeliveryError(error);
      const attempts = job.attemptsMade + 1;
      const lastAttempt = attempts >= job.attempts;
      const to = email?.to ?? (isCaseEmailRequest(request) ? undefined : request.to) ?? null;
      if (!failure.permanent && !lastAttempt) {
        this.deps.logger.warn(
          `${request.kind} email ${jobId} failed (attempt ${attempts}), will retry: ${failure.reason}`,
        );
        this.deps.observer?.retried(request.kind);
        throw new Error(failure.reason);
      }
      await this.record(
        stream,
        emailDeliveryFailed(jobId, request, { to, ...failure, attempts }, this.now()),
      );
      this.deps.observer?.failed(request.kind);
      this.deps.logger.error(
        `${request.kind} email ${jobId} failed ${failure.permanent ? 'permanently' : `after ${attempts} attempts`}: ${failure.reason}`,
      );
      throw new PermanentJobFailure(failure.reason);
    }
    await this.record(stream, emailDelivered(jobId, request, email.to, messageId, this.now()));
    this.deps.observer?.delivered(request.kind);
    this.deps.logger.log(`${request.kind} email ${jobId} delivered via ${this.deps.transport.description}`);
    return 'delivered';
  }

  private compose(request: EmailRequest, jobId: string): Promise<OutgoingEmail> {
    return isCaseEmailRequest(request) ? this.composeCase(request, jobId) : this.composeToken(request, jobId);
  }

  private async composeToken(request: TokenEmailRequest, jobId: string): Promise<OutgoingEmail> {
    if (Date.parse(request.expiresAt) <= this.now().getTime()) {
      throw new PermanentDeliveryError(`the link expired at ${request.expiresAt} before it could be sent`);
    }
    const recipient = await this.deps.directory.portalUser(request.portalUserId);
    if (!recipient) throw new NotKnownYetError(`portal user ${request.portalUserId} not found`);
    refuseErasedRecipient(recipient.email, request.portalUserId);
    refuseRestrictedRecipient(recipient);
    const portalId = request.portalId ?? recipient.portalIds[0];
    const portal = portalId ? await this.deps.directory.portal(portalId) : undefined;
    if (!portal) throw new NotKnownYetError(`portal ${portalId ?? '(none)'} not found`);
    return composeEmail(request, portal, recipient, jobId, this.deps.composer);
  }

  /**
   * Following, preference and access are judged again at send time (any may have changed since
   * the job was queued); what happened comes from the events themselves, each read again from the
   * case's stream. An update of a kind the recipient may no longer be told (a reply once the stream
   * level is gone) is left out; nothing left: nothing sent.
   */
  private async composeCase(request: CaseEmailRequest, jobId: string): Promise<OutgoingEmail> {
    const recipients = this.deps.recipients;
    if (!recipients) throw new PermanentDeliveryError('case emails need a CaseRecipients adapter');
    const updates = caseEmailUpdates(request);
    const from = Math.min(...updates.map((u) => u.revision));
    const to = Math.max(...updates.map((u) => u.revision));
    const read = await this.reads.read({ stream: request.sourceStream, from, to });
    const byId = new Map(read.map((event) => [event.id, event]));
    const found = updates.map((update) => ({ update, event: byId.get(update.eventId) }));
    const missing = found.find((f) => f.event === undefined);
    if (missing)
      throw new PermanentDeliveryError(
        `event ${missing.update.eventId} not found in ${request.sourceStream}`,
      );
    const view = await recipients.viewFor(request);
    const told = view ? found.filter((f) => view.kinds.includes(f.update.kind)) : [];
    if (!view || told.length === 0) {
      throw new PermanentDeliveryError(
        `portal user ${request.portalUserId} no longer gets emails about case ${request.caseId} in portal ${request.portalId}`,
      );
    }
    // The address and names as the directory has them now (erased and restricted people are
    // refused); the portal's name, slug and branding as the view read them (nothing personal lags there).
    const recipient = await this.deps.directory.portalUser(request.portalUserId);
    if (!recipient) throw new NotKnownYetError(`portal user ${request.portalUserId} not found`);
    refuseErasedRecipient(recipient.email, request.portalUserId);
    refuseRestrictedRecipient(recipient);
    return composeCaseEmail(
      request,
      told.map(({ update, event }) => ({ update, event: event! })),
      { ...view, recipient },
      jobId,
      this.deps.composer,
    );
  }

  /** The message is out: its outcome joins the next batch (the job settles only once it is stored). */
  private record(stream: string, event: NewEvent): Promise<void> {
    return this.outcomes.add({ stream, event });
  }

  /**
   * A batch of outcomes in one transaction where the store can; should that fail (or the store
   * cannot), each on its own with retries, trying hard: a failed record means a resend on retry.
   * Outcome ids come from the job, so an outcome stored before is not stored twice.
   */
  private async writeOutcomes(items: Outcome[]): Promise<(Error | undefined)[]> {
    const events = this.deps.events;
    if (events.appendMany && items.length > 1) {
      try {
        await events.appendMany(items.map((o) => ({ stream: o.stream, events: [o.event], expected: 'any' })));
        return items.map(() => undefined);
      } catch (error) {
        this.deps.logger.warn(
          `recording ${items.length} email outcomes together failed (${(error as Error).message}); one by one`,
        );
      }
    }
    return Promise.all(
      items.map((o) =>
        this.appendWithRetries(o).then(
          () => undefined,
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        ),
      ),
    );
  }

  private async appendWithRetries({ stream, event }: Outcome): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.events.append(stream, [event], 'any');
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}

/** What the event store shows for a value whose data key was destroyed (an erased data subject). */
const ERASED = '[erased]';

/** An erased person gets nothing more: the job fails for good instead of mailing "[erased]". */
function refuseErasedRecipient(email: string, portalUserId: string): void {
  if (email === ERASED) throw new PermanentDeliveryError(`portal user ${portalUserId} was erased`);
}

/**
 * Restricted processing, judged at send time like access: a job queued before the restriction
 * fails for good rather than waiting (the restriction may last; a lifted one does not resend it).
 */
function refuseRestrictedRecipient(recipient: MailRecipient): void {
  if (recipient.restricted) {
    throw new PermanentDeliveryError(`portal user ${recipient.id}: processing is restricted`);
  }
}
