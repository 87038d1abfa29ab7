import type { Page, PublicView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { formField } from '../components/form-field.js';
import { FormRefusal, onSubmit, text } from '../components/form-submission.js';
import { checkPasswordsAgree, chosenPassword, newPasswordFields } from '../components/password-fields.js';
import { consentRequirementOf } from '../api/consent-requirement.js';
import { ApiError } from '../api/problem-document.js';
import { append, el } from '../dom/element.js';
import { MAX_EMAIL_LENGTH } from '../validation/email-address.js';
import { consentBeforeSignIn } from './consent.page.js';

function heading(view: PublicView, title: string): void {
  view.setTitle(title);
  append(view.main, el('h1', { tabindex: '-1' }, title));
  if (view.flash) append(view.main, flashMessage(view.flash));
}

/** The login email: the API's limits (required, 254 characters) and the shape of an address. */
function emailField(view: PublicView): HTMLElement {
  return formField({
    name: 'email',
    label: view.t('field.email'),
    type: 'email',
    required: true,
    autocomplete: 'username',
    maxLength: MAX_EMAIL_LENGTH,
    requiredText: view.t('field.required'),
  });
}

function submitButton(label: string): HTMLButtonElement {
  return el('button', { type: 'submit', class: 'button' }, label);
}

/** The one-time token of an emailed link, taken out of the address bar at once. */
function takeToken(view: PublicView): string | null {
  const token = view.query.get('token');
  if (token) view.router.dropQuery();
  return token;
}

export const loginPage: Page<PublicView> = (view) => {
  const { t } = view;
  heading(view, t('login.title'));
  const form = el(
    'form',
    { novalidate: true, class: 'stack' },
    emailField(view),
    formField({
      name: 'password',
      label: t('field.password'),
      type: 'password',
      required: true,
      autocomplete: 'current-password',
      maxLength: 256,
      requiredText: t('field.required'),
    }),
    submitButton(t('login.submit')),
  );
  onSubmit(form, t, async (data) => {
    const email = text(data, 'email');
    const password = String(data.get('password') ?? '');
    try {
      const answer = await view.api.login(email, password);
      view.startSession(answer.accessToken, answer.expiresIn);
    } catch (error) {
      // Said only after the right password; any other refusal does not say which part was wrong
      // (and must not): say so plainly.
      if (error instanceof ApiError && error.code === 'processing_restricted') {
        throw new FormRefusal(t('login.restricted'));
      }
      if (error instanceof ApiError && error.status === 401) throw new FormRefusal(t('login.failed'));
      const requirement = consentRequirementOf(error);
      if (!requirement) throw error;
      consentBeforeSignIn(view, requirement, (version) => view.api.login(email, password, version));
    }
  });
  append(
    view.main,
    form,
    el('p', {}, el('a', { href: view.router.href('forgot-password') }, t('login.forgot'))),
  );
};

export const acceptInvitationPage: Page<PublicView> = (view) => {
  const { t } = view;
  const token = takeToken(view);
  heading(view, t('invitation.title'));
  if (!token) {
    append(view.main, flashMessage({ kind: 'error', message: t('invitation.noToken') }));
    return;
  }
  const form = el(
    'form',
    { novalidate: true, class: 'stack' },
    ...newPasswordFields(t),
    submitButton(t('invitation.submit')),
  );
  onSubmit(
    form,
    t,
    async (data) => {
      const password = chosenPassword(data);
      try {
        const answer = await view.api.acceptInvitation(token, password);
        view.startSession(answer.accessToken, answer.expiresIn);
      } catch (error) {
        // Nothing was written: the same token and password go again with the accepted version.
        const requirement = consentRequirementOf(error);
        if (!requirement) throw error;
        consentBeforeSignIn(view, requirement, (version) =>
          view.api.acceptInvitation(token, password, version),
        );
      }
    },
    { check: checkPasswordsAgree },
  );
  append(view.main, el('p', {}, t('invitation.intro')), form);
};

export const forgotPasswordPage: Page<PublicView> = (view) => {
  const { t } = view;
  heading(view, t('forgot.title'));
  const form = el(
    'form',
    { novalidate: true, class: 'stack' },
    emailField(view),
    submitButton(t('forgot.submit')),
  );
  onSubmit(form, t, async (data) => {
    await view.api.forgotPassword(text(data, 'email'));
    const done = flashMessage({ kind: 'success', message: t('forgot.sent') });
    form.replaceWith(done);
    // The form (and the focus in it) is gone: the reader continues from the news.
    done.focus();
  });
  append(
    view.main,
    el('p', {}, t('forgot.intro')),
    form,
    el('p', {}, el('a', { href: view.router.href('login') }, t('forgot.backToLogin'))),
  );
};

export const resetPasswordPage: Page<PublicView> = (view) => {
  const { t } = view;
  const token = takeToken(view);
  heading(view, t('reset.title'));
  if (!token) {
    append(
      view.main,
      flashMessage({ kind: 'error', message: t('reset.noToken') }),
      el('p', {}, el('a', { href: view.router.href('forgot-password') }, t('login.forgot'))),
    );
    return;
  }
  const form = el(
    'form',
    { novalidate: true, class: 'stack' },
    ...newPasswordFields(t),
    submitButton(t('reset.submit')),
  );
  onSubmit(
    form,
    t,
    async (data) => {
      await view.api.resetPassword(token, chosenPassword(data));
      view.router.navigate(view.router.href('login'), {
        replace: true,
        flash: { kind: 'success', message: t('login.passwordReset') },
      });
    },
    { check: checkPasswordsAgree },
  );
  append(view.main, form);
};

/** A button, not an automatic call: mail scanners open links, and must not confirm anything. */
export const confirmEmailPage: Page<PublicView> = (view) => {
  const { t } = view;
  const token = takeToken(view);
  heading(view, t('confirmEmail.title'));
  if (!token) {
    append(view.main, flashMessage({ kind: 'error', message: t('confirmEmail.noToken') }));
    return;
  }
  const form = el(
    'form',
    { class: 'stack' },
    el('p', {}, t('confirmEmail.intro')),
    submitButton(t('confirmEmail.submit')),
  );
  onSubmit(form, t, async () => {
    await view.api.confirmEmail(token);
    view.router.navigate(view.router.href('login'), {
      replace: true,
      flash: { kind: 'success', message: t('login.emailConfirmed') },
    });
  });
  append(view.main, form);
};

export const notFoundPage: Page<PublicView> = (view) => {
  const { t } = view;
  heading(view, t('notFound.title'));
  append(
    view.main,
    el('p', {}, t('notFound.detail')),
    el('p', {}, el('a', { href: view.router.href('') }, t('notFound.home'))),
  );
};
