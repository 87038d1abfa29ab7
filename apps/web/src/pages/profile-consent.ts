import type { PortalView } from '../app/views.js';
import { formField } from '../components/form-field.js';
import { onSubmit } from '../components/form-submission.js';
import { el } from '../dom/element.js';
import { consentTermsLink } from './consent-terms.js';

/**
 * "Terms of use" on the profile, when the portal requires them: the version accepted (a session
 * that reached this page holds the current one) and a way to take the consent back, which ends the
 * session at once; the login page then says why.
 */
export function profileConsent(view: PortalView): HTMLElement | null {
  const { t } = view;
  const { consentVersion: version, consentUrl } = view.me.portal.settings;
  if (!version) return null;
  const form = el(
    'form',
    { novalidate: true, class: 'stack', 'data-form': 'consent-withdrawal' },
    formField({ name: 'confirm', label: t('consent.withdraw.confirm'), type: 'checkbox', required: true }),
    el('button', { type: 'submit', class: 'button button-secondary' }, t('consent.withdraw.submit')),
  );
  onSubmit(form, t, async () => {
    await view.api.withdrawConsent(version);
    view.signedOut(t('login.consentWithdrawn'));
  });
  return el(
    'section',
    { class: 'stack', 'aria-labelledby': 'consent-title' },
    el('h2', { id: 'consent-title' }, t('consent.profile.title')),
    el('p', {}, t('consent.profile.given', { version })),
    consentTermsLink(t, { version, url: consentUrl ?? null }),
    el('p', {}, t('consent.withdraw.hint')),
    form,
  );
}
