import { randomUUID } from 'node:crypto';
import { hashToken } from './one-time-token';
import { linkToken, parseLinkToken } from './link-token';

describe('linkToken', () => {
  const secret = 'x'.repeat(48);
  const userId = randomUUID();
  const invitationId = randomUUID();

  it('carries the ids and parses back', () => {
    const token = linkToken(secret, 'invitation', userId, invitationId);
    expect(parseLinkToken(token)).toEqual({ portalUserId: userId, id: invitationId });
  });

  it('differs by purpose and by secret, so a reset link cannot accept an invitation', () => {
    const invitation = linkToken(secret, 'invitation', userId, invitationId);
    expect(hashToken(invitation)).not.toBe(
      hashToken(linkToken(secret, 'password-reset', userId, invitationId)),
    );
    expect(hashToken(invitation)).not.toBe(
      hashToken(linkToken('y'.repeat(48), 'invitation', userId, invitationId)),
    );
  });

  it('refuses anything not shaped like a link token', () => {
    for (const bad of [
      '',
      'abc',
      `${userId}.${invitationId}`,
      `${userId}.${invitationId}.short`,
      `x${userId}.${invitationId}.${'a'.repeat(43)}`,
    ]) {
      expect(parseLinkToken(bad)).toBeUndefined();
    }
  });
});
