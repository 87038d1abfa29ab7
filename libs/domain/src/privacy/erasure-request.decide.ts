import { DomainError } from '../shared/domain-error';
import type {
  ErasureRequestApproved,
  ErasureRequested,
  ErasureRequestEvent,
  ErasureRequestRefused,
} from './erasure-request.events';

export type ErasureRequestStatus = 'pending' | 'approved' | 'refused';

/** The erasure requests of one data subject (their `dataSubject-<id>` stream). */
export interface ErasureRequestsState {
  requests: Record<string, ErasureRequestStatus>;
  pending: string | null;
}

export const initialErasureRequestsState: ErasureRequestsState = { requests: {}, pending: null };

export function evolveErasureRequests(
  state: ErasureRequestsState,
  event: ErasureRequestEvent | { type: string; data: unknown },
): ErasureRequestsState {
  const { requestId } = (event.data ?? {}) as { requestId?: string };
  if (requestId === undefined) return state;
  switch (event.type) {
    case 'ErasureRequested':
      return { requests: { ...state.requests, [requestId]: 'pending' }, pending: requestId };
    case 'ErasureRequestApproved':
    case 'ErasureRequestRefused':
      return {
        requests: {
          ...state.requests,
          [requestId]: event.type === 'ErasureRequestApproved' ? 'approved' : 'refused',
        },
        pending: state.pending === requestId ? null : state.pending,
      };
    default:
      return state;
  }
}

export interface RequestErasure {
  requestId: string;
  subjectId: string;
  portalUserId: string;
  portalId: string;
  reason: string | null;
}

/** One request at a time: a second one while the first waits for an admin is refused (409). */
export function decideRequestErasure(
  command: RequestErasure,
  state: ErasureRequestsState,
): ErasureRequested[] {
  if (state.requests[command.requestId] !== undefined) return []; // the same request again (a retry)
  if (state.pending !== null) {
    throw new DomainError(
      'erasure_request_pending',
      'An erasure request is already waiting for a decision.',
      'conflict',
    );
  }
  return [{ type: 'ErasureRequested', data: { ...command } }];
}

function pendingOrRefuse(requestId: string, state: ErasureRequestsState): void {
  const status = state.requests[requestId];
  if (status === undefined) {
    throw new DomainError('erasure_request_not_found', 'No such erasure request.', 'not-found');
  }
  if (status !== 'pending') {
    throw new DomainError('erasure_request_decided', `The request was already ${status}.`, 'conflict');
  }
}

export function decideApproveErasureRequest(
  command: { requestId: string },
  state: ErasureRequestsState,
): ErasureRequestApproved[] {
  pendingOrRefuse(command.requestId, state);
  return [{ type: 'ErasureRequestApproved', data: { requestId: command.requestId } }];
}

export function decideRefuseErasureRequest(
  command: { requestId: string; reason: string },
  state: ErasureRequestsState,
): ErasureRequestRefused[] {
  pendingOrRefuse(command.requestId, state);
  return [{ type: 'ErasureRequestRefused', data: { requestId: command.requestId, reason: command.reason } }];
}
