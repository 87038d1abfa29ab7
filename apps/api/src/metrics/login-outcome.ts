/** The password login routes and the realm each logs into. */
const LOGIN_ROUTES: Record<string, 'staff' | 'portal'> = {
  '/v1/auth/staff/login': 'staff',
  '/v1/portals/:slug/auth/login': 'portal',
};

export interface LoginOutcome {
  realm: 'staff' | 'portal';
  outcome: 'success' | 'failure' | 'rate_limited';
}

/**
 * A login's outcome from its answer: 200 a success, 429 a rate-limit refusal, a 401 (wrong
 * password, unknown user) or 404 (unknown portal) a failure. Bad input (400, 415…) is no login.
 */
export function loginOutcomeOf(method: string, route: string, status: number): LoginOutcome | undefined {
  const realm = method === 'POST' ? LOGIN_ROUTES[route] : undefined;
  if (!realm) return undefined;
  if (status === 200) return { realm, outcome: 'success' };
  if (status === 429) return { realm, outcome: 'rate_limited' };
  if (status === 401 || status === 404) return { realm, outcome: 'failure' };
  return undefined;
}
