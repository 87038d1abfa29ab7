import { isValidEmail, normalizeEmail } from '@portal/domain';
import { isEmailAddress } from './email-address';

// The page checks an email before sending it; it must accept exactly what the API accepts.
const SAMPLES = [
  'peter',
  'peter@',
  '@example.com',
  'peter@example',
  'peter@example.com',
  ' Peter.Pan@Example.COM ',
  'peter+tag@mail.example.co.uk',
  'peter..pan@example.com',
  '.peter@example.com',
  'peter@-example.com',
  'peter@example-.com',
  'peter@exa_mple.com',
  'pe ter@example.com',
  'peter@@example.com',
  'pe"ter@example.com',
  'josé@example.com',
  'peter@example..com',
  `${'a'.repeat(245)}@example.com`,
  `${'a'.repeat(250)}@example.com`,
  'a@b.c',
];

describe('the email check of the pages', () => {
  it.each(SAMPLES)('agrees with the API about %j', (sample) => {
    expect(isEmailAddress(sample)).toBe(isValidEmail(normalizeEmail(sample)));
  });

  it('refuses a bare name such as "peter"', () => {
    expect(isEmailAddress('peter')).toBe(false);
    expect(isEmailAddress('peter@example.com')).toBe(true);
  });
});
