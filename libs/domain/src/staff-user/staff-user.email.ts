/** Staff emails compare case-insensitively: stored trimmed and lowercase. */
export function normaliseStaffUserEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

// Deliberately loose (one @, a dot in the domain, no blanks): the API's schema checks the format,
// this only keeps obvious garbage out of the stream.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isStaffUserEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}
