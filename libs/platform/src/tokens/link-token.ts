import { OneTimeTokenPurpose, oneTimeToken } from './one-time-token';

/**
 * The token in an emailed link: `<portalUserId>.<id>.<mac>`. The ids are not secret; they let the
 * API find the user's stream and the invitation/reset/email change without any lookup table,
 * and the MAC (derived from the server secret, never stored) is what proves the link genuine.
 * Events keep only `hashToken(linkToken(...))`.
 */
export function linkToken(
  secret: Buffer | string,
  purpose: OneTimeTokenPurpose,
  portalUserId: string,
  id: string,
): string {
  return `${portalUserId}.${id}.${oneTimeToken(secret, purpose, id)}`;
}

export interface ParsedLinkToken {
  portalUserId: string;
  id: string;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LINK_TOKEN = new RegExp(`^(${UUID})\\.(${UUID})\\.[A-Za-z0-9_-]{43}$`);

/** The ids a presented token claims, or undefined when it is not shaped like a link token. */
export function parseLinkToken(token: string): ParsedLinkToken | undefined {
  const match = LINK_TOKEN.exec(token);
  return match ? { portalUserId: match[1].toLowerCase(), id: match[2].toLowerCase() } : undefined;
}
