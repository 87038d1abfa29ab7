import type { PublicView } from '../app/views.js';
import { append, el } from '../dom/element.js';

/**
 * The same answer for a record that does not exist, one the user may not see and a type the
 * portal hides, as the API gives (404, never 403): nothing to learn from the difference.
 */
export function notFoundInPortal(view: PublicView, back?: { href: string; label: string }): void {
  const { t } = view;
  view.setTitle(t('record.notFound'));
  append(
    view.main,
    el('h1', { tabindex: '-1' }, t('record.notFound')),
    el('p', { role: 'alert', class: 'alert alert-error' }, t('record.notFoundDetail')),
    el(
      'p',
      {},
      back
        ? el('a', { href: back.href }, back.label)
        : el('a', { href: view.router.href('') }, t('notFound.home')),
    ),
  );
}
