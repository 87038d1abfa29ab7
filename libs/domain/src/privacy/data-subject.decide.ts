import type { DataOwner } from './data-owner';
import type { DataSubjectErased, DataSubjectEvent } from './data-subject.events';
import {
  evolveErasureRequests,
  initialErasureRequestsState,
  type ErasureRequestsState,
} from './erasure-request.decide';
import type { ErasureRequestApproved } from './erasure-request.events';

export interface DataSubjectState {
  erased: boolean;
  /** The subject's erasure requests (same stream): an erasure answers a pending one. */
  requests: ErasureRequestsState;
}

export const initialDataSubjectState: DataSubjectState = {
  erased: false,
  requests: initialErasureRequestsState,
};

export function evolveDataSubject(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  switch (event.type) {
    case 'DataSubjectErased':
      return { ...state, erased: true };
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
