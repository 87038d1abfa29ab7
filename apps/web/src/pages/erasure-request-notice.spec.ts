import { erasureNotice, exportFileName } from './erasure-request-notice';

const date = (iso: string) => `on ${iso.slice(0, 10)}`;
const asked = { requestedAt: '2026-05-01T08:00:00Z', decidedAt: null, refusalReason: null };

describe('erasureNotice', () => {
  it('offers the request when I never asked', () => {
    expect(erasureNotice(null, date)).toEqual({ key: 'privacy.erasure.none', params: {}, canRequest: true });
  });

  it('shows a pending request with its date and offers no second one', () => {
    expect(erasureNotice({ ...asked, status: 'pending' }, date)).toEqual({
      key: 'privacy.erasure.pending',
      params: { date: 'on 2026-05-01' },
      canRequest: false,
    });
  });

  it("shows a refusal with the admin's reason and lets me ask again", () => {
    const refused = { ...asked, status: 'refused' as const, refusalReason: 'Open invoice' };
    expect(erasureNotice(refused, date)).toEqual({
      key: 'privacy.erasure.refused',
      params: { date: 'on 2026-05-01', reason: 'Open invoice' },
      canRequest: true,
    });
  });

  it('offers nothing once approved', () => {
    expect(erasureNotice({ ...asked, status: 'approved' }, date).canRequest).toBe(false);
  });
});

describe('exportFileName', () => {
  it('names the portal and the day', () => {
    expect(exportFileName('customers', new Date('2026-05-01T23:59:00Z'))).toBe(
      'my-data-customers-2026-05-01.json',
    );
  });
});
