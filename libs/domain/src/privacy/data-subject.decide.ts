import type { DataOwner } from './data-owner';
import type {
  DataSubjectErased,
  DataSubjectEvent,
  DataSubjectRestricted,
  DataSubjectRestrictionLifted,
} from './data-subject.events';
import {
  evolveErasureRequests,
  initialErasureRequestsState,
  type ErasureRequestsState,
} from './erasure-request.decide';
import type { ErasureRequestApproved } from './erasure-request.events';

export interface DataSubjectState {
  erased: boolean;
  /** Processing restricted (GDPR art. 18): no login, no email, for every portal user of theirs. */
  restricted: boolean;
  /** The subject's erasure requests (same stream): an erasure answers a pending one. */
  requests: ErasureRequestsState;
}

export const initialDataSubjectState: DataSubjectState = {
  erased: false,
  restricted: false,
  requests: initialErasureRequestsState,
};

export function evolveDataSubject(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  switch (event.type) {
    case 'DataSubjectErased':
      return { ...state, erased: true };
    case 'DataSubjectRestricted':
      return { ...state, restricted: true };
    case 'DataSubjectRestrictionLifted':
      return { ...state, restricted: false };
    default: {
      const requests = evolveErasureRequests(state.requests, event);
      return requests === state.requests ? state : { ...state, requests };
    }
  }
}

export interface EraseDataSubject {
  subjectId: string;
  owners: DataOwner[];
  reason: string;
  requestId: string | null;
}

/**
 * Erasing is once: a second erase of the same subject changes nothing (the keys are already gone).
 * A request of theirs still waiting is approved by the erasure (an admin erasing them directly has
 * granted it), so no request stays pending for a subject who is gone; an erase repeated after an
 * erasure that left one pending closes it too.
 */
export function decideEraseDataSubject(
  command: EraseDataSubject,
  state: DataSubjectState,
): (ErasureRequestApproved | DataSubjectErased)[] {
  const pending = state.requests.pending;
  const answered: ErasureRequestApproved[] =
    pending === null ? [] : [{ type: 'ErasureRequestApproved', data: { requestId: pending } }];
  if (state.erased) return answered;
  return [
    ...answered,
    {
      type: 'DataSubjectErased',
      data: {
        subjectId: command.subjectId,
        owners: [...new Set(command.owners)].sort(),
        reason: command.reason,
        requestId: command.requestId ?? pending,
      },
    },
  ];
}

/** Restricting twice changes nothing. */
export function decideRestrictDataSubject(
  subjectId: string,
  state: DataSubjectState,
): DataSubjectRestricted[] {
  return state.restricted ? [] : [{ type: 'DataSubjectRestricted', data: { subjectId } }];
}

/** Lifting an absent restriction changes nothing. */
export function decideLiftDataSubjectRestriction(
  subjectId: string,
  state: DataSubjectState,
): DataSubjectRestrictionLifted[] {
  return state.restricted ? [{ type: 'DataSubjectRestrictionLifted', data: { subjectId } }] : [];
}
