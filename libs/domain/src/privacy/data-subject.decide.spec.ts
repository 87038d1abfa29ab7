import fc from 'fast-check';
import { fold } from '../shared/decider';
import { contactOwner, portalUserOwner, type DataOwner } from './data-owner';
import {
  decideEraseDataSubject,
  decideLiftDataSubjectRestriction,
  decideRestrictDataSubject,
  evolveDataSubject,
  initialDataSubjectState,
  type EraseDataSubject,
} from './data-subject.decide';
import type { DataSubjectErased, DataSubjectEvent } from './data-subject.events';

const erase = (owners: DataOwner[], overrides: Partial<EraseDataSubject> = {}): EraseDataSubject => ({
  subjectId: 'contact-1',
  owners,
  reason: 'Art. 17 request',
  requestId: 'req-1',
  ...overrides,
});

const stateAfter = (events: DataSubjectEvent[]) => fold(evolveDataSubject, initialDataSubjectState, events);

describe('EraseDataSubject', () => {
  it('erases a subject not yet erased: its id, the reason, the request, each owner once, sorted', () => {
    const command = erase([portalUserOwner('pu-1'), contactOwner('contact-1'), portalUserOwner('pu-1')]);
    expect(decideEraseDataSubject(command, stateAfter([]))).toEqual([
      {
        type: 'DataSubjectErased',
        data: {
          subjectId: 'contact-1',
          owners: ['contact:contact-1', 'portalUser:pu-1'],
          reason: 'Art. 17 request',
          requestId: 'req-1',
        },
      },
    ]);
  });

  it('keeps a missing request id as null', () => {
    const [event] = decideEraseDataSubject(erase([contactOwner('c')], { requestId: null }), stateAfter([]));
    expect(event?.data.requestId).toBeNull();
  });

  it('does not reorder the owners of the command it was given', () => {
    const owners: DataOwner[] = [portalUserOwner('b'), contactOwner('a')];
    decideEraseDataSubject(erase(owners), stateAfter([]));
    expect(owners).toEqual(['portalUser:b', 'contact:a']);
  });

  it('is once: after an erase, a second one decides nothing (property)', () => {
    const ownerArb = fc.oneof(
      fc.string().map((id) => contactOwner(id)),
      fc.string().map((id) => portalUserOwner(id)),
    );
    fc.assert(
      fc.property(fc.array(ownerArb), fc.array(ownerArb), (first, second) => {
        const erased = decideEraseDataSubject(erase(first), stateAfter([]));
        expect(erased).toHaveLength(1);
        expect(new Set((erased[0] as DataSubjectErased).data.owners)).toEqual(new Set(first));
        expect(decideEraseDataSubject(erase(second), stateAfter(erased))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('evolveDataSubject', () => {
  it('starts neither erased nor restricted and ignores an event it does not know', () => {
    expect(initialDataSubjectState).toEqual({
      erased: false,
      restricted: false,
      requests: { requests: {}, pending: null },
    });
    const unknown = { type: 'SomethingElse', data: {} } as unknown as DataSubjectEvent;
    expect(evolveDataSubject(initialDataSubjectState, unknown)).toBe(initialDataSubjectState);
  });
});

describe('EraseDataSubject with an erasure request of theirs', () => {
  const requested: DataSubjectEvent = {
    type: 'ErasureRequested',
    data: { requestId: 'req-9', subjectId: 'contact-1', portalUserId: 'pu-1', portalId: 'p-1', reason: null },
  };

  it('approves a pending request when an admin erases directly, and names it in the erasure', () => {
    const decided = decideEraseDataSubject(
      erase([contactOwner('contact-1')], { requestId: null }),
      stateAfter([requested]),
    );
    expect(decided).toEqual([
      { type: 'ErasureRequestApproved', data: { requestId: 'req-9' } },
      expect.objectContaining({
        type: 'DataSubjectErased',
        data: expect.objectContaining({ requestId: 'req-9' }),
      }),
    ]);
    expect(stateAfter([requested, ...decided]).requests).toEqual({
      requests: { 'req-9': 'approved' },
      pending: null,
    });
  });

  it('adds nothing when the request was approved first (the approval path)', () => {
    const approved: DataSubjectEvent = { type: 'ErasureRequestApproved', data: { requestId: 'req-9' } };
    const decided = decideEraseDataSubject(
      erase([contactOwner('contact-1')], { requestId: 'req-9' }),
      stateAfter([requested, approved]),
    );
    expect(decided.map((e) => e.type)).toEqual(['DataSubjectErased']);
  });

  it('closes a request an earlier erasure left pending (before this rule) when the erase is repeated', () => {
    const earlier: DataSubjectEvent = {
      type: 'DataSubjectErased',
      data: { subjectId: 'contact-1', owners: ['contact:contact-1'], reason: 'x', requestId: null },
    };
    const decided = decideEraseDataSubject(
      erase([contactOwner('contact-1')]),
      stateAfter([requested, earlier]),
    );
    expect(decided).toEqual([{ type: 'ErasureRequestApproved', data: { requestId: 'req-9' } }]);
  });
});

describe('restriction of a data subject', () => {
  const restricted = { type: 'DataSubjectRestricted', data: { subjectId: 'c-1' } } as const;
  const lifted = { type: 'DataSubjectRestrictionLifted', data: { subjectId: 'c-1' } } as const;

  it('restricts a subject once, and lifts only a restriction that holds', () => {
    expect(decideRestrictDataSubject('c-1', stateAfter([]))).toEqual([restricted]);
    expect(decideRestrictDataSubject('c-1', stateAfter([restricted]))).toEqual([]);
    expect(decideLiftDataSubjectRestriction('c-1', stateAfter([]))).toEqual([]);
    expect(decideLiftDataSubjectRestriction('c-1', stateAfter([restricted]))).toEqual([lifted]);
    expect(decideRestrictDataSubject('c-1', stateAfter([restricted, lifted]))).toEqual([restricted]);
  });

  it('is independent of erasure', () => {
    expect(stateAfter([restricted])).toMatchObject({ erased: false, restricted: true });
    const erased = decideEraseDataSubject(erase([contactOwner('c-1')]), stateAfter([restricted]));
    expect(erased.map((e) => e.type)).toEqual(['DataSubjectErased']);
    expect(stateAfter([restricted, ...erased])).toMatchObject({ erased: true, restricted: true });
  });
});
