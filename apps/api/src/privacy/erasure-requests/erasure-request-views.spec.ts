import { erasureRequestViews } from './erasure-request-views';

const at = (n: number) => `2026-03-0${n}T00:00:00.000Z`;
const event = (type: string, data: Record<string, unknown>, n: number) => ({
  type,
  data,
  metadata: { timestamp: at(n) },
  recordedAt: at(n),
});
const asked = (requestId: string, n: number) =>
  event('ErasureRequested', { requestId, subjectId: 's', portalUserId: 'u', portalId: 'p', reason: null }, n);

describe('erasureRequestViews', () => {
  it('folds each request to its status, with when it was asked and decided', () => {
    const views = erasureRequestViews([
      asked('r1', 1),
      event('ErasureRequestRefused', { requestId: 'r1', reason: 'Open invoice' }, 2),
      asked('r2', 3),
      event('ErasureRequestApproved', { requestId: 'r2' }, 4),
      asked('r3', 5),
      event('DataSubjectErased', { subjectId: 's', owners: [] }, 6),
    ]);
    expect(views.map((v) => [v.id, v.status, v.requestedAt, v.decidedAt, v.refusalReason])).toEqual([
      ['r1', 'refused', at(1), at(2), 'Open invoice'],
      ['r2', 'approved', at(3), at(4), null],
      ['r3', 'pending', at(5), null, null],
    ]);
  });
});
