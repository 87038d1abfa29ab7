import type { DomainEvent } from '../shared/decider';

/**
 * A portal user asked to have their data erased (on their data subject's stream). Ids only, and the
 * reason they typed, which the personal-data map encrypts under their own key (erased with it).
 */
export type ErasureRequested = DomainEvent<
  'ErasureRequested',
  { requestId: string; subjectId: string; portalUserId: string; portalId: string; reason: string | null }
>;

/** An admin approved the request; the erasure itself follows as DataSubjectErased with its requestId. */
export type ErasureRequestApproved = DomainEvent<'ErasureRequestApproved', { requestId: string }>;

/** An admin refused it; `reason` is the company's answer (a policy, a ticket), not the person's details. */
export type ErasureRequestRefused = DomainEvent<
  'ErasureRequestRefused',
  { requestId: string; reason: string }
>;

export type ErasureRequestEvent = ErasureRequested | ErasureRequestApproved | ErasureRequestRefused;

export const ERASURE_REQUEST_EVENT_TYPES = [
  'ErasureRequested',
  'ErasureRequestApproved',
  'ErasureRequestRefused',
] as const satisfies readonly ErasureRequestEvent['type'][];
