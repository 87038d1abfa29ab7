// The API's rule for a portal user's email (libs/domain portal-user.email.ts, Zoho's): letters,
// digits and `@ . - _ +` only, no empty labels, a dotted domain. A unit test keeps the two equal.
const LOCAL_PART = /^[a-z0-9_+-]+(\.[a-z0-9_+-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
export const MAX_EMAIL_LENGTH = 254;

/** Whether the API could accept `typed` as a portal user's email (compared trimmed and lowercase, as it does). */
export function isEmailAddress(typed: string): boolean {
  const email = typed.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at || email.length > MAX_EMAIL_LENGTH) return false;
  const labels = email.slice(at + 1).split('.');
  return (
    LOCAL_PART.test(email.slice(0, at)) && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l))
  );
}
