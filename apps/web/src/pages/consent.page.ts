import type { ConsentRequirement } from '../api/consent-requirement.js';
import { consentRequirementOf } from '../api/consent-requirement.js';
import type { AccessToken } from '../api/portal-api.js';
import type { PublicView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { onSubmit } from '../components/form-submission.js';
import { append, el, replaceChildren } from '../dom/element.js';
import type { Flash } from '../router/router.js';
import { consentTermsLink } from './consent-terms.js';

export interface ConsentStep {
  /** Records the acceptance of `version` (and goes on); a refusal is shown above the button. */
  accept(version: string): Promise<void>;
  /** The way out without accepting (log out, or back to the login page). */
  leave: { href: string; label: string };
  news?: Flash;
}

/**
 * The portal's terms to accept before going on: what they are, where to read them, one button.
 * Replaces whatever view.main held and moves focus to its heading, as a new page would.
 */
export function consentPage(view: PublicView, requirement: ConsentRequirement, step: ConsentStep): void {
  const { t } = view;
  view.setTitle(t('consent.title'));
  const heading = el('h1', { tabindex: '-1' }, t('consent.title'));
  const form = el(
    'form',
    { novalidate: true, class: 'stack', 'data-form': 'consent' },
    el('button', { type: 'submit', class: 'button' }, t('consent.accept')),
  );
  onSubmit(form, t, () => step.accept(requirement.version));
  replaceChildren(
    view.main,
    heading,
    step.news ? flashMessage(step.news) : null,
    el('p', {}, t('consent.intro')),
    consentTermsLink(t, requirement),
    form,
    el('p', {}, t('consent.decline')),
  );
  append(view.main, el('p', {}, el('a', { href: step.leave.href }, step.leave.label)));
  heading.focus();
}

/**
 * A login or an invitation acceptance the API refused until the terms are accepted: the consent
 * page, then the same call again with the version; the session starts only then. Should the terms
 * change meanwhile, the page shows the new version.
 */
export function consentBeforeSignIn(
  view: PublicView,
  requirement: ConsentRequirement,
  signIn: (consentVersion: string) => Promise<AccessToken>,
  news?: Flash,
): void {
  const { t } = view;
  consentPage(view, requirement, {
    news,
    leave: { href: view.router.href('login'), label: t('forgot.backToLogin') },
    accept: async (version) => {
      let answer: AccessToken;
      try {
        answer = await signIn(version);
      } catch (error) {
        const newer = consentRequirementOf(error);
        if (!newer) throw error;
        return consentBeforeSignIn(view, newer, signIn, { kind: 'info', message: t('consent.changed') });
      }
      view.startSession(answer.accessToken, answer.expiresIn);
    },
  });
}
