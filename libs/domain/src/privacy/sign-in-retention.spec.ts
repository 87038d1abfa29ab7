import { parseSignInOwner, signInOwner, signInRetentionCutoff } from './sign-in-retention';

describe('sign-in retention keys', () => {
  it("names the key of a user's day, and reads it back", () => {
    const owner = signInOwner('u1', '2026-03-10T23:59:59.999Z');
    expect(owner).toBe('portalUser:u1/signIns:2026-03-10');
    expect(parseSignInOwner(owner)).toEqual({ portalUserId: 'u1', day: '2026-03-10' });
    expect(parseSignInOwner('portalUser:u1')).toBeNull();
    expect(parseSignInOwner('contact:c1/signIns:2026-03-10')).toBeNull();
  });

  it("falls back to the user's own key without a time", () => {
    expect(signInOwner('u1', undefined)).toBe('portalUser:u1');
    expect(signInOwner('u1', 'yesterday')).toBe('portalUser:u1');
  });

  it('keeps the days whose records are not yet older than the retention', () => {
    const now = new Date('2026-07-01T10:00:00.000Z');
    expect(signInRetentionCutoff(now, 180)).toBe('2026-01-02');
    expect(signInRetentionCutoff(now, 1)).toBe('2026-06-30');
  });
});
