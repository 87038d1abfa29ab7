/** The pages of the portal, by the path after `/portal/{slug}`. */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'logout' }
  | { name: 'accept-invitation' }
  | { name: 'forgot-password' }
  | { name: 'reset-password' }
  | { name: 'confirm-email' }
  | { name: 'dashboard' }
  | { name: 'profile' }
  | { name: 'consent' }
  | { name: 'list'; entityType: string }
  | { name: 'create'; entityType: string }
  | { name: 'record'; entityType: string; id: string }
  | { name: 'not-found' };

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set([
  'login',
  'logout',
  'accept-invitation',
  'forgot-password',
  'reset-password',
  'confirm-email',
  'not-found',
]);

const SIMPLE: Record<string, Route> = {
  '': { name: 'home' },
  login: { name: 'login' },
  logout: { name: 'logout' },
  'accept-invitation': { name: 'accept-invitation' },
  'forgot-password': { name: 'forgot-password' },
  'reset-password': { name: 'reset-password' },
  'confirm-email': { name: 'confirm-email' },
  dashboard: { name: 'dashboard' },
  profile: { name: 'profile' },
  consent: { name: 'consent' },
};

const ENTITY_TYPE = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Matches `path` (the part after `/portal/{slug}/`, no query) to a route. */
export function matchRoute(path: string): Route {
  const segments = path.split('/').filter((s) => s !== '');
  const simple = SIMPLE[segments.join('/')];
  if (simple) return simple;
  if (segments[0] !== 'records' || segments.length < 2 || segments.length > 3) return { name: 'not-found' };
  const entityType = decode(segments[1] ?? '');
  if (entityType === null || !ENTITY_TYPE.test(entityType)) return { name: 'not-found' };
  if (segments.length === 2) return { name: 'list', entityType };
  if (segments[2] === 'new') return { name: 'create', entityType };
  const id = decode(segments[2] ?? '');
  return id ? { name: 'record', entityType, id } : { name: 'not-found' };
}
