import legacy from './argon2-legacy-hash.fixture.json';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('verifies a hash made by the former argon2 package, and only with its password', async () => {
    expect(await hasher.verify(legacy.hash, legacy.password)).toBe(true);
    expect(await hasher.verify(legacy.hash, `${legacy.password}!`)).toBe(false);
  });

  it('hashes with argon2id at 19 MiB, 2 passes, 1 lane, salted, and verifies its own hashes', async () => {
    const first = await hasher.hash('a new password 123');
    const second = await hasher.hash('a new password 123');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await hasher.verify(first, 'a new password 123')).toBe(true);
    expect(await hasher.verify(first, 'a new password 124')).toBe(false);
  });

  it('answers false, not an error, for a malformed hash', async () => {
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
    expect(await hasher.verifyNothing('x')).toBe(false);
  });
});
