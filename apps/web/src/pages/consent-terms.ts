import { safeTermsUrl, type ConsentRequirement } from '../api/consent-requirement.js';
import { el } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';

/**
 * Which version of the terms, and a link to their text: it opens in a new tab (said in the link's
 * name), so the page and what was typed in it stay.
 */
export function consentTermsLink(t: Translate, requirement: ConsentRequirement): HTMLElement {
  const href = safeTermsUrl(requirement.url);
  if (!href) return el('p', {}, t('consent.versionOnly', { version: requirement.version }));
  return el(
    'p',
    {},
    el(
      'a',
      { href, target: '_blank', rel: 'noopener noreferrer', class: 'consent-terms' },
      t('consent.read', { version: requirement.version }),
      el('span', { class: 'visually-hidden' }, ` ${t('consent.newTab')}`),
    ),
  );
}
