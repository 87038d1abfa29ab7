import { isStaffEmail, isValidEmail, normalizeEmail } from './portal-user.email';

describe('portal-user email rules', () => {
  it('normalizes to trimmed lowercase', () => {
    expect(normalizeEmail('  Jane.Doe@Customer.ORG ')).toBe('jane.doe@customer.org');
  });

  it.each(['jane@customer.org', 'j.d+portal@mail.customer.co.uk', 'a_b-c@x-y.io', '1@2.de'])(
    'accepts %s',
    (email) => {
      expect(isValidEmail(email)).toBe(true);
    },
  );

  it.each([
    'jane',
    '@customer.org',
    'jane@',
    'jane@customer',
    'ja ne@customer.org',
    'jane@@customer.org',
    'ja@ne@customer.org',
    'jané@customer.org',
    'jane!@customer.org',
    '.jane@customer.org',
    'jane.@customer.org',
    'ja..ne@customer.org',
    'jane@-customer.org',
    'jane@customer..org',
    `${'a'.repeat(250)}@x.org`,
  ])('refuses %s', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });

  it('matches staff domains and their subdomains, not look-alikes', () => {
    const staff = ['Acme.com', '@corp.example'];
    expect(isStaffEmail('bob@acme.com', staff)).toBe(true);
    expect(isStaffEmail('bob@eu.acme.com', staff)).toBe(true);
    expect(isStaffEmail('bob@corp.example', staff)).toBe(true);
    expect(isStaffEmail('bob@notacme.com', staff)).toBe(false);
    expect(isStaffEmail('bob@acme.com.evil.org', staff)).toBe(false);
    expect(isStaffEmail('bob@acme.com', [])).toBe(false);
    expect(isStaffEmail('bob@acme.com', [''])).toBe(false);
  });
});
