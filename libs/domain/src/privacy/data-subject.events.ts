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

export type DataSubjectEvent = DataSubjectErased | ErasureRequestEvent;

export const DATA_SUBJECT_EVENT_TYPES = [
  'DataSubjectErased',
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
