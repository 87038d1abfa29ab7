import type { Me } from '../api/portal-api.js';
import { el } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';
import type { Messages } from '../i18n/en.js';
import { entityLabel } from '../i18n/labels.js';
import type { Router } from '../router/router.js';

export interface Brand {
  name: string;
  logoUrl: string | null;
}

/** Only http(s) and same-site logos are shown; anything else (javascript:, data:) is ignored. */
function safeLogo(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'https:' || parsed.origin === window.location.origin ? parsed.href : null;
  } catch {
    return null;
  }
}

function brandBlock(t: Translate, brand: Brand, home: string): HTMLElement {
  const logo = safeLogo(brand.logoUrl);
  return el(
    'a',
    { class: 'brand', href: home },
    logo ? el('img', { src: logo, alt: t('app.logoAlt', { name: brand.name }), class: 'brand-logo' }) : null,
    el('span', { class: 'brand-name' }, brand.name),
  );
}

function skipLink(t: Translate): HTMLElement {
  return el('a', { class: 'skip-link', href: '#main' }, t('app.skipToContent'));
}

/** The frame of the pages before login: the portal's name and one centred card. */
export function publicLayout(t: Translate, brand: Brand, router: Router, main: HTMLElement): HTMLElement[] {
  main.classList.add('card');
  return [
    skipLink(t),
    el('header', { class: 'site-header' }, brandBlock(t, brand, router.href('login'))),
    // The skip link's target: focusable, so following it moves focus here, not only the view.
    el('main', { id: 'main', class: 'public-main', tabindex: '-1' }, main),
  ];
}

/** The frame of the portal: name, the tabs the portal shows, the user's links, the page. */
export function portalLayout(
  t: Translate,
  messages: Messages,
  brand: Brand,
  me: Me,
  router: Router,
  currentPath: string,
  main: HTMLElement,
): HTMLElement[] {
  const tab = (href: string, label: string) => {
    const current = currentPath === href || currentPath.startsWith(`${href}/`);
    return el('li', {}, el('a', { href, 'aria-current': current ? 'page' : null }, label));
  };
  const nav = el(
    'nav',
    { class: 'tabs', 'aria-label': t('app.mainNav') },
    el(
      'ul',
      {},
      tab(router.href('dashboard'), t('nav.dashboard')),
      ...me.portal.tabList.map((type) =>
        tab(router.href(`records/${encodeURIComponent(type)}`), entityLabel(messages, type)),
      ),
    ),
  );
  const userMenu = el(
    'ul',
    { class: 'user-menu' },
    el(
      'li',
      {},
      el('a', { href: router.href('profile') }, `${me.firstName} ${me.lastName}`.trim() || me.email),
    ),
    el('li', {}, el('a', { href: router.href('logout'), 'data-action': 'logout' }, t('nav.logout'))),
  );
  return [
    skipLink(t),
    el('header', { class: 'site-header' }, brandBlock(t, brand, router.href('')), userMenu),
    nav,
    el('main', { id: 'main', class: 'portal-main', tabindex: '-1' }, main),
  ];
}
