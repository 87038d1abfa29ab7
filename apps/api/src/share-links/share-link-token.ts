import { randomBytes } from 'node:crypto';
import { hashToken } from '@portal/platform';

/** 256 bits from the CSPRNG, base64url (43 characters): nothing to guess, nothing derived. */
export function drawShareLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}
