import { pageAfterConsent } from './page-after-consent';

const BASE = '/portal/acme';

describe('the page shown once the terms are accepted', () => {
  it('is the page the user was opening, with its query', () => {
    expect(pageAfterConsent(BASE, '/portal/acme/records/Case?page=2')).toBe(
      '/portal/acme/records/Case?page=2',
    );
    expect(pageAfterConsent(BASE, '/portal/acme/profile')).toBe('/portal/acme/profile');
  });

  it.each([
    null,
    '',
    'https://evil.example/portal/acme/profile',
    '//evil.example/portal/acme/profile',
    'javascript:alert(1)',
    '/portal/other/profile',
    '/portal/acmeX/profile',
    '/portal/acme/../other/profile',
    '/portal/acme/consent?next=/portal/acme/profile',
  ])('is the home page for %j', (next) => {
    expect(pageAfterConsent(BASE, next)).toBe('/portal/acme/');
  });
});
