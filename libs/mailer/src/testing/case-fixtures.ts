import { randomUUID } from 'node:crypto';
import type { EventActor, EventStore } from '@portal/event-store';
import {
  recordFollowersStream,
  type RecordFollowed,
  portalRoleStream,
  portalUserStream,
  recordStream,
  type CaseStatusChanged,
  type CommentPosted,
  type PortalRoleCreated,
  type PortalUserPasswordSet,
  type PortalUserProfileUpdated,
  type RecordCreated,
} from '@portal/domain';
import { event, metadata, portalUserCreated } from './mail-fixtures';

// Case events as the API appends them (typed by the domain's own event types), for the case emails' tests.

export const STAFF: EventActor = { type: 'staff', id: randomUUID(), name: 'Agent Smith' };

async function append(
  events: EventStore,
  stream: string,
  domainEvent: { type: string; data: object },
  actor?: EventActor,
) {
  const newEvent = event(domainEvent);
  if (actor) newEvent.metadata = { ...metadata(), actor };
  const result = await events.append(stream, [newEvent], 'any');
  return { eventId: newEvent.id, position: result.position };
}

/** A role reading (and streaming) the cases of the user's accounts. */
export async function givenAccountCaseRole(events: EventStore): Promise<string> {
  const roleId = randomUUID();
  const created: PortalRoleCreated = {
    type: 'PortalRoleCreated',
    data: {
      roleId,
      name: 'Customer',
      scopes: { Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
      fields: { Case: { internalNotes: { read: 'no', edit: 'no' } } },
    },
  };
  await append(events, portalRoleStream(roleId), created);
  return roleId;
}

/** A portal user who accepted the invitation (status active), belonging to one account. */
export async function givenActivePortalUser(
  events: EventStore,
  portalId: string,
  email: string,
  accountId: string,
): Promise<{ portalUserId: string; email: string }> {
  const portalUserId = randomUUID();
  const created = portalUserCreated(portalUserId, portalId, email, [accountId]);
  const passwordSet: PortalUserPasswordSet = {
    type: 'PortalUserPasswordSet',
    data: { reason: 'invitation' },
  };
  await append(events, portalUserStream(portalUserId), created);
  await append(events, portalUserStream(portalUserId), passwordSet);
  return { portalUserId, email };
}

export async function turnOffCaseEmails(events: EventStore, portalUserId: string): Promise<void> {
  const updated: PortalUserProfileUpdated = {
    type: 'PortalUserProfileUpdated',
    data: { changes: { notifyOnCaseUpdates: { from: true, to: false } } },
  };
  await append(events, portalUserStream(portalUserId), updated, { type: 'portalUser', id: portalUserId });
}

/** A case of an account, created by staff, with internal notes no portal user may read. */
export async function givenCase(
  events: EventStore,
  accountId: string,
  name: string,
  internalNotes: string,
): Promise<string> {
  const caseId = randomUUID();
  const created: RecordCreated = {
    type: 'RecordCreated',
    data: {
      id: caseId,
      entityType: 'Case',
      fields: { name, status: 'New', priority: 'Normal', isInternal: false, internalNotes, accountId },
    },
  };
  await append(events, recordStream('Case', caseId), created, STAFF);
  return caseId;
}

export async function changeCaseStatus(
  events: EventStore,
  caseId: string,
  from: string,
  to: string,
): Promise<{ eventId: string; position: number }> {
  const changed: CaseStatusChanged = { type: 'CaseStatusChanged', data: { entityType: 'Case', from, to } };
  return append(events, recordStream('Case', caseId), changed, STAFF);
}

export async function postComment(
  events: EventStore,
  caseId: string,
  text: string,
  isInternal: boolean,
): Promise<{ eventId: string; position: number }> {
  const posted: CommentPosted = {
    type: 'CommentPosted',
    data: { entityType: 'Case', commentId: randomUUID(), text, isInternal },
  };
  return append(events, recordStream('Case', caseId), posted, STAFF);
}

/** The portal user chose to follow the case (as PUT …/follow appends it). */
export async function followCase(events: EventStore, caseId: string, portalUserId: string): Promise<void> {
  const followed: RecordFollowed = {
    type: 'RecordFollowed',
    data: { entityType: 'Case', recordId: caseId, portalUserId },
  };
  await append(events, recordFollowersStream('Case', caseId), followed, {
    type: 'portalUser',
    id: portalUserId,
  });
}
