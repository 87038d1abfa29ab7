import { createSecretKey } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { VerifiedTokenCache } from './verified-token-cache';

const key = createSecretKey(Buffer.from('test secret of enough length', 'utf8'));
const otherKey = createSecretKey(Buffer.from('another secret of enough length', 'utf8'));
const start = Date.UTC(2026, 0, 1, 10);
const startSeconds = start / 1000;

function token(claims: object = {}, signingKey = key, expiresIn: number | null = 60): string {
  return sign({ iat: startSeconds, ...claims }, signingKey, {
    algorithm: 'HS256',
    subject: 'u1',
    audience: 'staff',
    ...(expiresIn === null ? {} : { expiresIn }),
  });
}

describe('VerifiedTokenCache', () => {
  let now = start;
  const clock = () => now;
  beforeEach(() => (now = start));

  it('answers a token verified before with the same frozen payload, until its exp', () => {
    const cache = new VerifiedTokenCache(key, { algorithms: ['HS256'] }, 10, clock);
    const jwt = token();
    const first = cache.verify(jwt);
    expect(first).toMatchObject({ sub: 'u1', exp: startSeconds + 60 });
    expect(Object.isFrozen(first)).toBe(true);
    now = start + 59_999;
    expect(cache.verify(jwt)).toBe(first);
    now = start + 60_000;
    expect(() => cache.verify(jwt)).toThrow('jwt expired');
    expect(cache.size).toBe(0);
  });

  it('refuses a kept token changed in any part, and one signed with another key', () => {
    const cache = new VerifiedTokenCache(key, { algorithms: ['HS256'] }, 10, clock);
    const jwt = token();
    cache.verify(jwt);
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(() => cache.verify(`${header}.${payload}.${flipped}`)).toThrow('invalid signature');
    expect(() => cache.verify(`${jwt} `)).toThrow();
    expect(() => cache.verify(token({}, otherKey))).toThrow('invalid signature');
    expect(cache.size).toBe(1);
  });

  it("applies the strategy's checks on a miss: algorithms and audience", () => {
    const cache = new VerifiedTokenCache(key, { algorithms: ['HS256'], audience: 'portal:p1' }, 10, clock);
    expect(() => cache.verify(token())).toThrow('jwt audience invalid');
    const hs512 = sign({ aud: 'portal:p1' }, key, { algorithm: 'HS512', expiresIn: 60 });
    expect(() => cache.verify(hs512)).toThrow('invalid algorithm');
    expect(cache.size).toBe(0);
  });

  it('keeps no token without exp or with nbf', () => {
    const cache = new VerifiedTokenCache(key, { algorithms: ['HS256'] }, 10, clock);
    const withoutExp = token({}, key, null);
    expect(cache.verify(withoutExp)).toMatchObject({ sub: 'u1' });
    const withNbf = token({ nbf: startSeconds - 1 });
    expect(cache.verify(withNbf)).toMatchObject({ sub: 'u1' });
    expect(cache.size).toBe(0);
    expect(cache.verify(withNbf)).not.toBe(cache.verify(withNbf));
  });

  it('keeps at most its limit, the longest kept going first', () => {
    const cache = new VerifiedTokenCache(key, { algorithms: ['HS256'] }, 2, clock);
    const [a, b, c] = ['a', 'b', 'c'].map((sid) => token({ sid }));
    const first = cache.verify(a!);
    const second = cache.verify(b!);
    cache.verify(c!);
    expect(cache.size).toBe(2);
    expect(cache.verify(b!)).toBe(second);
    expect(cache.verify(a!)).not.toBe(first);
    expect(cache.verify(a!)).toEqual(first);
  });
});
