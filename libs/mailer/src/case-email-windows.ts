import type { RecordedEvent } from '@portal/event-store';
import { caseEmailRequest, type CaseEmailTrigger } from './case-email-request';
import type { CaseRecipient } from './case-recipients.port';
import {
  caseEmailUpdates,
  emailJobId,
  isCaseEmailRequest,
  type CaseEmailRequest,
  type CaseEmailUpdate,
} from './email-request';
import type { PendingEmail } from './pending-emails.port';

/** When an event happened: the time its command was decided (the same on every replay). */
function eventTime(event: RecordedEvent): number {
  const at = Date.parse(event.metadata.timestamp);
  return Number.isNaN(at) ? Date.parse(event.recordedAt) : at;
}

const keyOf = (request: CaseEmailRequest) => `${request.caseId}/${request.portalUserId}`;

/**
 * The open coalescing windows of case emails, one per (case, recipient): the first update opens a
 * window of `windowMs` from its event's time; every later update of the same case for the same
 * recipient whose event falls inside it joins that email; one after it opens the next. Decided by
 * event times, so a replay after a restart groups exactly as the first run did. The entries live
 * in the pending-email ledger (with `dueAt`), this is the subscriber's index over them.
 */
export class CaseEmailWindows {
  private readonly entries = new Map<string, PendingEmail>();
  private readonly latest = new Map<string, string>();

  constructor(readonly windowMs: number) {}

  /** Starts over from what the ledger holds (at start, and after the subscription restarts). */
  reset(scheduled: readonly PendingEmail[]): void {
    this.entries.clear();
    this.latest.clear();
    const oldestFirst = [...scheduled].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
    for (const entry of oldestFirst) {
      if (entry.dueAt === undefined || !isCaseEmailRequest(entry.request)) continue;
      this.entries.set(entry.jobId, entry);
      this.latest.set(keyOf(entry.request), entry.jobId);
    }
  }

  /** The ledger entry to write for this update: the open window it joins, or a new one. */
  add(event: RecordedEvent, trigger: CaseEmailTrigger, recipient: CaseRecipient, now: Date): PendingEmail {
    const request = caseEmailRequest(event, trigger, recipient);
    const update: CaseEmailUpdate = { kind: trigger.kind, eventId: event.id, revision: event.revision };
    const at = eventTime(event);
    const openId = this.latest.get(keyOf(request));
    const open = openId === undefined ? undefined : this.entries.get(openId);
    if (open?.dueAt !== undefined && at < Date.parse(open.dueAt) && isCaseEmailRequest(open.request)) {
      const updates = caseEmailUpdates(open.request);
      // A replayed event (the subscription restarted before its checkpoint moved) is in already.
      if (updates.some((u) => u.eventId === event.id)) return open;
      const joined: PendingEmail = { ...open, request: { ...open.request, updates: [...updates, update] } };
      this.entries.set(joined.jobId, joined);
      return joined;
    }
    const opened: PendingEmail = {
      jobId: emailJobId(request),
      request: { ...request, updates: [update] },
      enqueuedAt: now.toISOString(),
      dueAt: new Date(at + this.windowMs).toISOString(),
    };
    this.entries.set(opened.jobId, opened);
    this.latest.set(keyOf(request), opened.jobId);
    return opened;
  }

  /** Windows that have closed by `now`, oldest first. */
  due(now: Date): PendingEmail[] {
    const time = now.getTime();
    return [...this.entries.values()]
      .filter((entry) => Date.parse(entry.dueAt!) <= time)
      .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
  }

  /** These went to the queue: later updates open new windows. */
  released(entries: readonly PendingEmail[]): void {
    for (const { jobId, request } of entries) {
      this.entries.delete(jobId);
      if (isCaseEmailRequest(request) && this.latest.get(keyOf(request)) === jobId)
        this.latest.delete(keyOf(request));
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
