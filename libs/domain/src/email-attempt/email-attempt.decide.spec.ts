import { decidePasswordResetNotIssued, decideUnknownEmailLogin } from './email-attempt.decide';
import { evolveEmailAttempt } from './email-attempt.evolve';
import { initialEmailAttemptState } from './email-attempt.state';
import { emailAttemptStream } from './email-attempt.stream';

const DIGEST = 'a'.repeat(64);
const NOW = '2026-01-02T03:04:05.000Z';

describe('email attempts', () => {
  it('records a failed login for an unknown email with its digest and realm only', () => {
    expect(
      decideUnknownEmailLogin({
        type: 'RecordUnknownEmailLogin',
        realm: 'portal',
        portalId: 'p1',
        emailDigest: DIGEST,
        now: NOW,
      }),
    ).toEqual([
      {
        type: 'UnknownEmailLoginFailed',
        data: { realm: 'portal', portalId: 'p1', emailDigest: DIGEST, at: NOW },
      },
    ]);
    expect(
      decideUnknownEmailLogin({
        type: 'RecordUnknownEmailLogin',
        realm: 'staff',
        portalId: null,
        emailDigest: DIGEST,
        now: NOW,
      })[0].data,
    ).toEqual({ realm: 'staff', portalId: null, emailDigest: DIGEST, at: NOW });
  });

  it('refuses anything that is not a digest, so an address never lands in an event', () => {
    expect(() =>
      decideUnknownEmailLogin({
        type: 'RecordUnknownEmailLogin',
        realm: 'portal',
        portalId: 'p1',
        emailDigest: 'someone@example.com',
        now: NOW,
      }),
    ).toThrow(/digest/);
    expect(() =>
      decidePasswordResetNotIssued({
        type: 'RecordPasswordResetNotIssued',
        portalId: 'p1',
        emailDigest: DIGEST.toUpperCase(),
        now: NOW,
      }),
    ).toThrow(/digest/);
    expect(() => emailAttemptStream('')).toThrow(/digest/);
  });

  it('refuses a realm that does not match the portal', () => {
    const base = { type: 'RecordUnknownEmailLogin' as const, emailDigest: DIGEST, now: NOW };
    expect(() => decideUnknownEmailLogin({ ...base, realm: 'staff', portalId: 'p1' })).toThrow(/portal/);
    expect(() => decideUnknownEmailLogin({ ...base, realm: 'portal', portalId: null })).toThrow(/portal/);
  });

  it('records a reset that sent nothing, and counts both kinds in the stream state', () => {
    const [notIssued] = decidePasswordResetNotIssued({
      type: 'RecordPasswordResetNotIssued',
      portalId: 'p1',
      emailDigest: DIGEST,
      now: NOW,
    });
    expect(notIssued).toEqual({
      type: 'PasswordResetNotIssued',
      data: { portalId: 'p1', emailDigest: DIGEST, at: NOW },
    });
    const [failed] = decideUnknownEmailLogin({
      type: 'RecordUnknownEmailLogin',
      realm: 'staff',
      portalId: null,
      emailDigest: DIGEST,
      now: NOW,
    });
    const state = [failed, failed, notIssued].reduce(evolveEmailAttempt, initialEmailAttemptState);
    expect(state).toEqual({ failedLogins: 2, resetsNotIssued: 1 });
    expect(emailAttemptStream(DIGEST)).toBe(`emailAttempt-${DIGEST}`);
  });
});
