import { DomainError } from '../shared/domain-error';
import {
  decideApproveErasureRequest,
  decideRefuseErasureRequest,
  decideRequestErasure,
  evolveErasureRequests,
  initialErasureRequestsState,
  type ErasureRequestsState,
} from './erasure-request.decide';

const ask = (requestId: string) => ({
  requestId,
  subjectId: 's1',
  portalUserId: 'u1',
  portalId: 'p1',
  reason: 'I am leaving',
});

function given(...events: { type: string; data: unknown }[]): ErasureRequestsState {
  return events.reduce(evolveErasureRequests, initialErasureRequestsState);
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.kind] : error;
  }
  return 'no error';
};

describe('erasure requests', () => {
  it('records a request with ids and the reason only', () => {
    expect(decideRequestErasure(ask('r1'), initialErasureRequestsState)).toEqual([
      { type: 'ErasureRequested', data: ask('r1') },
    ]);
  });

  it('refuses a second request while one is pending, and takes a new one once it is decided', () => {
    const pending = given(...decideRequestErasure(ask('r1'), initialErasureRequestsState));
    expect(code(() => decideRequestErasure(ask('r2'), pending))).toEqual([
      'erasure_request_pending',
      'conflict',
    ]);
    expect(decideRequestErasure(ask('r1'), pending)).toEqual([]);
    const refused = given(
      ...decideRequestErasure(ask('r1'), initialErasureRequestsState),
      ...decideRefuseErasureRequest({ requestId: 'r1', reason: 'Open invoice' }, pending),
    );
    expect(refused.pending).toBeNull();
    expect(decideRequestErasure(ask('r2'), refused)).toHaveLength(1);
  });

  it('approves or refuses a pending request once', () => {
    const pending = given({ type: 'ErasureRequested', data: ask('r1') });
    expect(decideApproveErasureRequest({ requestId: 'r1' }, pending)).toEqual([
      { type: 'ErasureRequestApproved', data: { requestId: 'r1' } },
    ]);
    const approved = given(
      { type: 'ErasureRequested', data: ask('r1') },
      { type: 'ErasureRequestApproved', data: { requestId: 'r1' } },
    );
    expect(code(() => decideApproveErasureRequest({ requestId: 'r1' }, approved))).toEqual([
      'erasure_request_decided',
      'conflict',
    ]);
    expect(code(() => decideRefuseErasureRequest({ requestId: 'r1', reason: 'x' }, approved))).toEqual([
      'erasure_request_decided',
      'conflict',
    ]);
    expect(code(() => decideApproveErasureRequest({ requestId: 'nope' }, pending))).toEqual([
      'erasure_request_not_found',
      'not-found',
    ]);
  });

  it('ignores the stream’s other events (DataSubjectErased)', () => {
    const state = given({ type: 'DataSubjectErased', data: { subjectId: 's1', owners: [] } });
    expect(state).toEqual(initialErasureRequestsState);
  });

  it('tells why it refuses: one pending, none such, already approved or refused', () => {
    const problem = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof DomainError) return [error.code, error.kind, error.message];
      }
      return 'no refusal';
    };
    const requested = { type: 'ErasureRequested', data: ask('r1') };
    expect(problem(() => decideRequestErasure(ask('r2'), given(requested)))).toEqual([
      'erasure_request_pending',
      'conflict',
      'An erasure request is already waiting for a decision.',
    ]);
    expect(
      problem(() => decideRefuseErasureRequest({ requestId: 'r2', reason: 'x' }, given(requested))),
    ).toEqual(['erasure_request_not_found', 'not-found', 'No such erasure request.']);
    const approved = given(requested, { type: 'ErasureRequestApproved', data: { requestId: 'r1' } });
    expect(problem(() => decideApproveErasureRequest({ requestId: 'r1' }, approved))).toEqual([
      'erasure_request_decided',
      'conflict',
      'The request was already approved.',
    ]);
    const refused = given(requested, {
      type: 'ErasureRequestRefused',
      data: { requestId: 'r1', reason: 'x' },
    });
    expect(problem(() => decideApproveErasureRequest({ requestId: 'r1' }, refused))).toEqual([
      'erasure_request_decided',
      'conflict',
      'The request was already refused.',
    ]);
  });

  it('refuses a pending request with the admin’s reason', () => {
    expect(
      decideRefuseErasureRequest(
        { requestId: 'r1', reason: 'Open invoice' },
        given({ type: 'ErasureRequested', data: ask('r1') }),
      ),
    ).toEqual([{ type: 'ErasureRequestRefused', data: { requestId: 'r1', reason: 'Open invoice' } }]);
  });

  it('keeps the pending request when an earlier one is decided, and each request’s status', () => {
    const state = given(
      { type: 'ErasureRequested', data: ask('r1') },
      { type: 'ErasureRequestRefused', data: { requestId: 'r1', reason: 'x' } },
      { type: 'ErasureRequested', data: ask('r2') },
      { type: 'ErasureRequestApproved', data: { requestId: 'r1' } },
    );
    expect(state).toEqual({ requests: { r1: 'approved', r2: 'pending' }, pending: 'r2' });
  });

  it('ignores an event without data or without a request id', () => {
    const pending = given({ type: 'ErasureRequested', data: ask('r1') });
    expect(evolveErasureRequests(pending, { type: 'ErasureRequestApproved', data: undefined })).toBe(pending);
    expect(evolveErasureRequests(pending, { type: 'ErasureRequestApproved', data: {} })).toBe(pending);
  });
});
