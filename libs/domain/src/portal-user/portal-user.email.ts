import { DomainError } from '../shared/domain-error';

/** Emails are compared and stored lowercase and trimmed: one person, one portal-user email. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Zoho's rule: letters, digits and `@ . - _ +` only; plus the usual shape (no empty labels, a dotted domain).
const LOCAL_PART = /^[a-z0-9_+-]+(\.[a-z0-9_+-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Expects a normalized email. */
export function isValidEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at || email.length > 254) return false;
  const labels = email.slice(at + 1).split('.');
  return (
    LOCAL_PART.test(email.slice(0, at)) && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l))
  );
}

/** The company's own people (a staff domain or a subdomain of it) may not be portal users. */
export function isStaffEmail(email: string, staffEmailDomains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return staffEmailDomains
    .map((d) => normalizeEmail(d).replace(/^@/, ''))
    .some((staff) => staff !== '' && (domain === staff || domain.endsWith(`.${staff}`)));
}

/**
 * The email rules shared by creation, invitation and email change, in this order:
 * no_email, invalid_email, staff_domain (the reasons Zoho gives for a failed invitation).
 */
export function assertUsableEmail(email: string | null, staffEmailDomains: readonly string[]): string {
  const normalized = normalizeEmail(email ?? '');
  if (normalized === '') throw new DomainError('no_email', 'The portal user has no email address.');
  if (!isValidEmail(normalized)) {
    throw new DomainError('invalid_email', 'The email address is not valid.', 'invalid', [
      { path: 'email', message: 'letters, digits and @ . - _ + only, with a domain' },
    ]);
  }
  if (isStaffEmail(normalized, staffEmailDomains)) {
    throw new DomainError('staff_domain', 'Staff email domains cannot be portal users.', 'invalid', [
      { path: 'email', message: 'belongs to a staff domain' },
    ]);
  }
  return normalized;
}
