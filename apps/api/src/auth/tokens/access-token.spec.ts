import { decode, sign, verify } from 'jsonwebtoken';
import {
  ACCESS_TOKEN_ALGORITHMS,
  STAFF_TOKEN_LIFETIME_SECONDS,
  hasRequiredClaims,
  portalAudience,
  signPortalToken,
  signStaffToken,
} from './access-token';

const secret = 'test secret of enough length';
const now = new Date('2026-01-01T10:00:00.000Z');
const nowSeconds = now.getTime() / 1000;

describe('signStaffToken', () => {
  it('signs HS256 for the staff audience, one hour long', () => {
    const { accessToken, expiresIn } = signStaffToken(secret, 'u1', now);
    expect(expiresIn).toBe(STAFF_TOKEN_LIFETIME_SECONDS);
    const complete = decode(accessToken, { complete: true });
    expect(complete?.header.alg).toBe('HS256');
    expect(complete?.payload).toMatchObject({
      sub: 'u1',
      aud: 'staff',
      iat: nowSeconds,
      exp: nowSeconds + 3600,
    });
  });
});

describe('signPortalToken', () => {
  it('binds the token to one portal and one session, for the given lifetime', () => {
    const { accessToken, expiresIn } = signPortalToken(
      secret,
      { portalUserId: 'u1', portalId: 'p1', sessionId: 's1' },
      now,
      900,
    );
    expect(expiresIn).toBe(900);
    expect(decode(accessToken)).toMatchObject({
      sub: 'u1',
      aud: portalAudience('p1'),
      sid: 's1',
      exp: nowSeconds + 900,
    });
  });
});

describe('the verification allow-list', () => {
  it('refuses an unsigned token and one signed with another HMAC algorithm', () => {
    const unsigned = sign({ sub: 'u1', aud: 'staff' }, null, { algorithm: 'none', expiresIn: 60 });
    const hs512 = sign({ sub: 'u1', aud: 'staff' }, secret, { algorithm: 'HS512', expiresIn: 60 });
    const options = { algorithms: [...ACCESS_TOKEN_ALGORITHMS], audience: 'staff' };
    expect(() => verify(unsigned, secret, options)).toThrow();
    expect(() => verify(hs512, secret, options)).toThrow('invalid algorithm');
  });
});

describe('hasRequiredClaims', () => {
  it('wants a subject, an audience and a numeric expiry', () => {
    expect(hasRequiredClaims({ sub: 'u', aud: 'staff', exp: 1 })).toBe(true);
    expect(hasRequiredClaims({ sub: 'u', aud: 'staff' })).toBe(false);
    expect(hasRequiredClaims({ sub: 'u', aud: 'staff', exp: '1' })).toBe(false);
    expect(hasRequiredClaims({ sub: '', aud: 'staff', exp: 1 })).toBe(false);
    expect(hasRequiredClaims({ aud: 'staff', exp: 1 })).toBe(false);
    expect(hasRequiredClaims({ sub: 'u', aud: ['staff'], exp: 1 })).toBe(false);
    expect(hasRequiredClaims(null)).toBe(false);
  });
});
