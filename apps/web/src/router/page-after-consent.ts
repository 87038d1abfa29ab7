import { matchRoute } from './routes.js';

/** Any origin will do: only whether `next` stays on it, and its path once resolved, matter. */
const HERE = 'https://portal.invalid';

/**
 * Where to go once the terms are accepted: `next` (from the address bar, so anyone could have
 * written it) when it resolves to a page of this portal other than the consent page; else home.
 */
export function pageAfterConsent(base: string, next: string | null): string {
  const home = `${base}/`;
  if (!next) return home;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return home;
  }
  if (url.origin !== HERE || !url.pathname.startsWith(home)) return home;
  if (matchRoute(url.pathname.slice(base.length)).name === 'consent') return home;
  return url.pathname + url.search;
}
