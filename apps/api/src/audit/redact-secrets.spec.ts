import { REDACTED, redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('replaces string values under secret-looking keys at any depth', () => {
    const data = {
      invitationId: 'i-1',
      tokenHash: 'abc123',
      nested: { PASSWORD: 'p', list: [{ clientSecret: 's' }], resetTokenHash: 'h' },
    };
    expect(redactSecrets(data)).toEqual({
      invitationId: 'i-1',
      tokenHash: REDACTED,
      nested: { PASSWORD: REDACTED, list: [{ clientSecret: REDACTED }], resetTokenHash: REDACTED },
    });
  });

  it('redacts strings nested under a secret key, keeps numbers and booleans', () => {
    const data = {
      password: { from: 'old', to: 'new' },
      tokens: ['a', 'b'],
      'settings.tokenLifetimeMinutes': { from: 60, to: 30 },
      hasPassword: true,
      passwordHash: null,
    };
    expect(redactSecrets(data)).toEqual({
      password: { from: REDACTED, to: REDACTED },
      tokens: [REDACTED, REDACTED],
      'settings.tokenLifetimeMinutes': { from: 60, to: 30 },
      hasPassword: true,
      passwordHash: null,
    });
  });

  it('leaves the input untouched and everything else equal', () => {
    const data = { name: 'Portal', roleIds: ['r'], tokenHash: 'x' };
    const copy = structuredClone(data);
    redactSecrets(data);
    expect(data).toEqual(copy);
    expect(redactSecrets({ name: 'a', n: 1, ok: false })).toEqual({ name: 'a', n: 1, ok: false });
  });
});
