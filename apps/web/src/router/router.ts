import { matchRoute, type Route } from './routes.js';

/** A message carried to the next page (e.g. why the login page is shown). */
export type Flash = { kind: 'info' | 'success' | 'error'; message: string };

export interface Location {
  route: Route;
  query: URLSearchParams;
  flash: Flash | null;
}

type Listener = (location: Location) => void;

/**
 * History-API routing under `/portal/{slug}/`: links inside the portal change the page without a
 * reload; Back and Forward work; every page has a real URL that can be bookmarked or reloaded.
 */
export class Router {
  readonly base: string;
  private listener: Listener = () => undefined;
  /** The path and query last shown: a change of the `#fragment` alone is not a new page. */
  private shown = '';

  constructor(slug: string) {
    this.base = `/portal/${encodeURIComponent(slug)}`;
  }

  /** The URL of a portal page: `href('records/Case')` → `/portal/{slug}/records/Case`. */
  href(path: string, query?: Record<string, string | number | undefined>): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') search.set(name, String(value));
    }
    const qs = search.toString();
    return `${this.base}/${path.replace(/^\/+/, '')}${qs ? `?${qs}` : ''}`;
  }

  start(listener: Listener): void {
    this.listener = listener;
    window.addEventListener('popstate', () => {
      if (window.location.pathname + window.location.search !== this.shown) this.emit();
    });
    document.addEventListener('click', (event) => this.onClick(event));
    this.emit();
  }

  navigate(url: string, options: { replace?: boolean; flash?: Flash } = {}): void {
    const state = options.flash ? { flash: options.flash } : null;
    if (options.replace) history.replaceState(state, '', url);
    else history.pushState(state, '', url);
    this.emit();
  }

  /** Removes one-time tokens from the address bar (and so from history) once a page has read them. */
  dropQuery(): void {
    history.replaceState(history.state, '', window.location.pathname);
    this.shown = window.location.pathname;
  }

  current(): Location {
    const path = window.location.pathname;
    const inside = path === this.base || path.startsWith(`${this.base}/`);
    const state = history.state as { flash?: Flash } | null;
    return {
      route: inside ? matchRoute(path.slice(this.base.length)) : { name: 'not-found' },
      query: new URLSearchParams(window.location.search),
      flash: state?.flash ?? null,
    };
  }

  private emit(): void {
    this.shown = window.location.pathname + window.location.search;
    this.listener(this.current());
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    if (url.pathname !== this.base && !url.pathname.startsWith(`${this.base}/`)) return;
    // A link within this page (the skip link, `#field` links) is the browser's to follow.
    const samePage = url.pathname === window.location.pathname && url.search === window.location.search;
    if (samePage && url.hash) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search);
  }
}
