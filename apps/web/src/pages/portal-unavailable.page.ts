import type { Page, PublicView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { append, el } from '../dom/element.js';

/** Shown instead of any form when the portal does not exist or is not active (alike). */
export const portalUnavailablePage: Page<PublicView> = (view) => {
  const { t } = view;
  view.setTitle(t('portalUnavailable.title'));
  append(
    view.main,
    el('h1', { tabindex: '-1' }, t('portalUnavailable.title')),
    flashMessage({ kind: 'error', message: t('portalUnavailable.detail') }),
  );
};
