import type { EventActor, RecordedEvent } from '@portal/event-store';
import { caseEmailRequest, caseEmailTriggerFor } from './case-email-request';
import { emailDeliveryStream, emailJobId } from './email-request';

const staff: EventActor = { type: 'staff', id: 's1', name: 'Agent' };
const customer: EventActor = { type: 'portalUser', id: 'u9', portalId: 'p1' };

function recorded(
  type: string,
  data: Record<string, unknown>,
  actor = staff,
  stream = 'record-Case-c1',
): RecordedEvent {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    stream,
    type,
    version: 1,
    data,
    metadata: { actor, correlationId: 'corr-2', causationId: null, timestamp: '2026-01-01T00:00:00.000Z' },
    revision: 5,
    position: 77,
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('caseEmailTriggerFor', () => {
  it('asks about a status change to a status, whoever made it', () => {
    expect(
      caseEmailTriggerFor(recorded('CaseStatusChanged', { entityType: 'Case', from: 'New', to: 'Closed' })),
    ).toEqual({
      kind: 'case-status-changed',
      caseId: 'c1',
      position: 77,
      actor: staff,
    });
    expect(
      caseEmailTriggerFor(
        recorded('CaseStatusChanged', { entityType: 'Case', from: 'New', to: 'Closed' }, customer),
      ),
    ).toMatchObject({ kind: 'case-status-changed', actor: customer });
  });

  it('ignores a cleared status', () => {
    expect(
      caseEmailTriggerFor(recorded('CaseStatusChanged', { entityType: 'Case', from: 'New', to: null })),
    ).toBeUndefined();
  });

  it('asks about public staff comments only: never internal ones, never a portal user’s own', () => {
    const comment = (isInternal: boolean, actor: EventActor) =>
      caseEmailTriggerFor(
        recorded('CommentPosted', { entityType: 'Case', commentId: 'k1', text: 'Hi', isInternal }, actor),
      );
    expect(comment(false, staff)).toMatchObject({ kind: 'case-reply', caseId: 'c1' });
    expect(comment(true, staff)).toBeUndefined();
    expect(comment(false, customer)).toBeUndefined();
    expect(comment(false, { type: 'system', id: 'x' })).toBeUndefined();
  });

  it('ignores other streams and other events', () => {
    const data = { entityType: 'Case', commentId: 'k1', text: 'Hi', isInternal: false };
    expect(caseEmailTriggerFor(recorded('CommentPosted', data, staff, 'record-Account-a1'))).toBeUndefined();
    expect(
      caseEmailTriggerFor(recorded('RecordUpdated', { entityType: 'Case', changes: {} })),
    ).toBeUndefined();
  });
});

describe('caseEmailRequest and its job id', () => {
  const event = recorded('CaseStatusChanged', { entityType: 'Case', from: 'New', to: 'Closed' });
  const trigger = caseEmailTriggerFor(event)!;

  it('carries ids only, with the revision of the source event', () => {
    expect(caseEmailRequest(event, trigger, { portalUserId: 'u1', portalId: 'p1' })).toEqual({
      kind: 'case-status-changed',
      sourceEventId: event.id,
      sourceStream: 'record-Case-c1',
      sourcePosition: 77,
      sourceRevision: 5,
      correlationId: 'corr-2',
      portalUserId: 'u1',
      portalId: 'p1',
      caseId: 'c1',
    });
  });

  it('gives each recipient of one event its own job, the same on every replay', () => {
    const a = emailJobId(caseEmailRequest(event, trigger, { portalUserId: 'u1', portalId: 'p1' }));
    const b = emailJobId(caseEmailRequest(event, trigger, { portalUserId: 'u2', portalId: 'p1' }));
    expect(a).toBe(`case-status-changed-${event.id}-u1`);
    expect(b).not.toBe(a);
    expect(emailJobId(caseEmailRequest(event, trigger, { portalUserId: 'u1', portalId: 'p2' }))).toBe(a);
    expect(a).not.toContain(':');
    expect(emailDeliveryStream(a)).toBe(`emailDelivery-${a}`);
  });
});
