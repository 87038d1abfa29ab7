import type { DomainEvent } from '../shared/decider';
import type { DataOwner } from './data-owner';
import type { ErasureRequestEvent } from './erasure-request.events';

/**
 * The subject's data keys were destroyed: every value encrypted under `owners` now reads
 * "[erased]". Holds no personal data itself: ids, and the admin's reason.
 */
export type DataSubjectErased = DomainEvent<
  'DataSubjectErased',
  { subjectId: string; owners: DataOwner[]; reason: string; requestId: string | null }
>;

/**
 * Processing of the subject is restricted (or no longer): held by the subject, so a portal user
 * created for them later is restricted from the start. Each portal user's own stream carries
 * ProcessingRestricted too, as that is what logins and the mailer fold.
 */
export type DataSubjectRestricted = DomainEvent<'DataSubjectRestricted', { subjectId: string }>;
export type DataSubjectRestrictionLifted = DomainEvent<'DataSubjectRestrictionLifted', { subjectId: string }>;

export type DataSubjectEvent =
  DataSubjectErased | DataSubjectRestricted | DataSubjectRestrictionLifted | ErasureRequestEvent;

export const DATA_SUBJECT_EVENT_TYPES = [
  'DataSubjectErased',
  'DataSubjectRestricted',
  'DataSubjectRestrictionLifted',
  // Erasure requests live on the same stream (erasure-request.events.ts).
  'ErasureRequested',
  'ErasureRequestApproved',
  'ErasureRequestRefused',
] as const satisfies readonly DataSubjectEvent['type'][];

/** `dataSubject-<id>`: the id of the contact, or of the portal user without a contact. */
export function dataSubjectStream(subjectId: string): string {
  return `dataSubject-${subjectId}`;
}

/** The owners a DataSubjectErased event names (empty for any other event). */
export function ownersErasedBy(event: { type: string; data: unknown }): DataOwner[] {
  if (event.type !== 'DataSubjectErased') return [];
  const owners = (event.data as { owners?: unknown }).owners;
  return Array.isArray(owners) ? owners.filter((o): o is DataOwner => typeof o === 'string') : [];
}
