import { deriveKey } from './derive-key';
import { hashToken, oneTimeToken, tokenMatchesHash } from './one-time-token';

describe('oneTimeToken', () => {
  const secret = deriveKey('master secret', 'one-time-tokens');

  it('is the base64url HMAC-SHA256 of purpose:id, stable for the same inputs', () => {
    const token = oneTimeToken(secret, 'invitation', 'a1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(oneTimeToken(secret, 'invitation', 'a1')).toBe(token);
  });

  it('differs per purpose, per id and per secret', () => {
    const tokens = new Set([
      oneTimeToken(secret, 'invitation', 'a1'),
      oneTimeToken(secret, 'password-reset', 'a1'),
      oneTimeToken(secret, 'email-change', 'a1'),
      oneTimeToken(secret, 'invitation', 'a2'),
      oneTimeToken(deriveKey('other secret', 'one-time-tokens'), 'invitation', 'a1'),
    ]);
    expect(tokens.size).toBe(5);
  });

  it('matches a vector computed independently with openssl', () => {
    // printf 'invitation:<id>' | openssl dgst -sha256 -hmac Jefe -binary | base64url
    expect(oneTimeToken('Jefe', 'invitation', '0b0e8c3e-1111-4222-8333-444455556666')).toBe(
      'J40-4lsOsMhkKsNJWSxsa92b_Y20InD_6c3H-Q4g1Mg',
    );
  });
});

describe('hashToken', () => {
  it('is the hex SHA-256 of the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches only the token it was made from', () => {
    const token = oneTimeToken('s', 'password-reset', 'r1');
    expect(tokenMatchesHash(token, hashToken(token))).toBe(true);
    expect(tokenMatchesHash(`${token}x`, hashToken(token))).toBe(false);
    expect(tokenMatchesHash(token, 'not-hex')).toBe(false);
  });
});

describe('deriveKey', () => {
  it('gives 32 bytes, a different key per purpose and per master secret', () => {
    const a = deriveKey('m', 'one-time-tokens');
    expect(a).toHaveLength(32);
    expect(deriveKey('m', 'one-time-tokens').equals(a)).toBe(true);
    expect(deriveKey('m', 'jwt').equals(a)).toBe(false);
    expect(deriveKey('n', 'one-time-tokens').equals(a)).toBe(false);
  });
});
