import { addDays, type IsoTime } from '../shared/clock';
import { DomainError } from '../shared/domain-error';

/** A link nobody gave an expiry lives this long (or as long as allowed, when that is shorter). */
export const DEFAULT_SHARE_LINK_DAYS = 7;
/** Staff links live at most this long; portal users' links at most their portal's shareLinkMaxDays. */
export const STAFF_SHARE_LINK_MAX_DAYS = 90;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * When a new link expires: the requested time if it lies in the future and within `maxDays`,
 * else a refusal; without a request the default life. Expiry is never optional: every link dies.
 */
export function shareLinkExpiry(now: IsoTime, requested: string | undefined, maxDays: number): IsoTime {
  const latest = addDays(now, maxDays);
  if (requested === undefined) return addDays(now, Math.min(DEFAULT_SHARE_LINK_DAYS, maxDays));
  const at = ISO_TIME.test(requested) ? Date.parse(requested) : Number.NaN;
  const refuse = (message: string) =>
    new DomainError('invalid_share_link_expiry', 'The link’s expiry is not allowed.', 'invalid', [
      { path: 'expiresAt', message },
    ]);
  if (Number.isNaN(at)) throw refuse('must be an ISO-8601 time with a time zone');
  if (at <= Date.parse(now)) throw refuse('must be in the future');
  if (at > Date.parse(latest)) throw refuse(`must be at most ${maxDays} days from now`);
  return new Date(at).toISOString();
}
