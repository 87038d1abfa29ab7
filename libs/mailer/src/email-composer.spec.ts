import { deriveKey, hashToken, oneTimeToken } from '@portal/platform';
import { PermanentDeliveryError } from './delivery-errors';
import { composeEmail, portalLink } from './email-composer';
import type { TokenEmailRequest } from './email-request';

const secret = deriveKey('master', 'one-time-tokens');
const settings = {
  publicUrl: 'https://portal.example.com/',
  tokenSecret: secret,
  fromAddress: 'no-reply@example.com',
};
const portal = { id: 'p1', name: 'Acme "Help"', slug: 'acme', language: 'en_US' };
const recipient = { id: 'u1', email: 'ann@example.com', firstName: 'Ann', portalIds: ['p1'] };

function request(overrides: Partial<TokenEmailRequest> = {}): TokenEmailRequest {
  return {
    kind: 'invitation',
    sourceEventId: 'e1',
    sourceStream: 'portalUser-u1',
    sourcePosition: 1,
    correlationId: 'c1',
    portalUserId: 'u1',
    portalId: 'p1',
    tokenId: 'inv-1',
    tokenHash: hashToken(oneTimeToken(secret, 'invitation', 'inv-1')),
    expiresAt: '2026-01-08T00:00:00.000Z',
    to: undefined,
    ...overrides,
  };
}

describe('composeEmail', () => {
  it('links to PUBLIC_URL/portal/{slug}/accept-invitation with a token whose hash is the event one', () => {
    const email = composeEmail(request(), portal, recipient, 'invitation-e1', settings);
    const link =
      /https:\/\/portal\.example\.com\/portal\/acme\/accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(
        email.text,
      );
    expect(link).not.toBeNull();
    expect(hashToken(link![1]!)).toBe(request().tokenHash);
    expect(email.to).toBe('ann@example.com');
    expect(email.from).toBe('"Acme Help" <no-reply@example.com>');
    expect(email.messageId).toBe('<invitation-e1@example.com>');
  });

  it('sends reset and email-change links to their own paths, the change to the new address', () => {
    const reset = composeEmail(
      request({
        kind: 'password-reset',
        tokenId: 'r1',
        tokenHash: hashToken(oneTimeToken(secret, 'password-reset', 'r1')),
      }),
      portal,
      recipient,
      'j',
      settings,
    );
    expect(reset.text).toContain('https://portal.example.com/portal/acme/reset-password?token=');
    const change = composeEmail(
      request({
        kind: 'email-change',
        tokenId: 'e9',
        to: 'ann.new@example.com',
        tokenHash: hashToken(oneTimeToken(secret, 'email-change', 'e9')),
      }),
      portal,
      recipient,
      'j',
      settings,
    );
    expect(change.to).toBe('ann.new@example.com');
    expect(change.text).toContain('https://portal.example.com/portal/acme/confirm-email?token=');
  });

  it('refuses to send a link whose token does not match the event (another secret)', () => {
    const other = { ...settings, tokenSecret: deriveKey('other', 'one-time-tokens') };
    expect(() => composeEmail(request(), portal, recipient, 'j', other)).toThrow(PermanentDeliveryError);
  });

  it('encodes the slug and the token in links', () => {
    expect(portalLink('http://h/', 'a b', 'x', 't+/=')).toBe('http://h/portal/a%20b/x?token=t%2B%2F%3D');
  });
});
