import { loginOutcomeOf } from './login-outcome';

describe('loginOutcomeOf (the login counters of /metrics)', () => {
  it.each([
    ['/v1/auth/staff/login', 200, { realm: 'staff', outcome: 'success' }],
    ['/v1/auth/staff/login', 401, { realm: 'staff', outcome: 'failure' }],
    ['/v1/auth/staff/login', 429, { realm: 'staff', outcome: 'rate_limited' }],
    ['/v1/portals/:slug/auth/login', 200, { realm: 'portal', outcome: 'success' }],
    ['/v1/portals/:slug/auth/login', 404, { realm: 'portal', outcome: 'failure' }],
    ['/v1/portals/:slug/auth/login', 429, { realm: 'portal', outcome: 'rate_limited' }],
  ])('POST %s answered %i', (route, status, outcome) => {
    expect(loginOutcomeOf('POST', route, status)).toEqual(outcome);
  });

  it('counts neither bad input, nor other routes, nor other methods', () => {
    expect(loginOutcomeOf('POST', '/v1/auth/staff/login', 400)).toBeUndefined();
    expect(loginOutcomeOf('POST', '/v1/portals/:slug/auth/logout', 200)).toBeUndefined();
    expect(loginOutcomeOf('GET', '/v1/auth/staff/login', 200)).toBeUndefined();
  });
});
