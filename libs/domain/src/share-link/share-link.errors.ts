/** Every code a share-link decision may refuse with: clients and the API match on these. */
export const SHARE_LINK_ERROR_CODES = [
  'invalid_share_link_expiry',
  'invalid_share_link_note',
  'share_link_exists',
  'share_link_not_found',
] as const;
export type ShareLinkErrorCode = (typeof SHARE_LINK_ERROR_CODES)[number];
