import { el } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';

/** Previous / next links and where the reader is; `hrefFor(page)` builds each page's URL. */
export function pager(
  t: Translate,
  page: number,
  perPage: number,
  total: number,
  hrefFor: (page: number) => string,
): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const link = (target: number, label: string, rel: string) =>
    target >= 1 && target <= pages
      ? el('a', { href: hrefFor(target), rel, class: 'button button-secondary' }, label)
      : el('span', { class: 'button button-secondary', 'aria-disabled': 'true' }, label);
  return el(
    'nav',
    { class: 'pager', 'aria-label': t('pager.label') },
    link(page - 1, t('pager.previous'), 'prev'),
    el('p', { class: 'pager-status' }, t('pager.status', { page, pages, total })),
    link(page + 1, t('pager.next'), 'next'),
  );
}
