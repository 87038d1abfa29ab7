import type { Me } from '../api/portal-api.js';
import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { formField } from '../components/form-field.js';
import { onSubmit, text } from '../components/form-submission.js';
import { append, el } from '../dom/element.js';
import { fieldLabel } from '../i18n/labels.js';
import { addProblem, type FieldProblems } from '../validation/field-problem.js';
import { profileConsent } from './profile-consent.js';
import { profilePrivacy } from './profile-privacy.js';

/** The words for each case-email level of the profile (the API's `caseNotifications`). */
const NOTIFICATION_LABELS = {
  all: 'profile.notify.all',
  own: 'profile.notify.own',
  none: 'profile.notify.none',
} as const;

/** The profile fields a portal user may change themselves (the API refuses any other). */
const EDITABLE = ['firstName', 'lastName', 'phone'] as const;

/** The API's rule (the domain's profile decider): a first name or a last name, not both empty. */
function checkNameGiven(data: FormData, problems: FieldProblems): void {
  if (text(data, 'firstName') === '' && text(data, 'lastName') === '') {
    addProblem(problems, 'lastName', { key: 'validation.nameRequired' });
  }
}

/**
 * The user's own profile: email shown, name and phone editable, notification choice; the portal's
 * terms (withdraw the consent); then their data (download it, ask for the account's deletion).
 */
export async function profilePage(view: PortalView): Promise<void> {
  const { t, messages, me } = view;
  view.setTitle(t('profile.title'));
  append(
    view.main,
    el('h1', { tabindex: '-1' }, t('profile.title')),
    view.flash ? flashMessage(view.flash) : null,
  );
  append(view.main, el('dl', { class: 'details' }, el('dt', {}, t('field.email')), el('dd', {}, me.email)));
  const form = el('form', { novalidate: true, class: 'stack' });
  for (const field of EDITABLE) {
    form.append(
      formField({
        name: field,
        label: fieldLabel(messages, field),
        type: field === 'phone' ? 'tel' : 'text',
        value: me[field],
        autocomplete: field === 'firstName' ? 'given-name' : field === 'lastName' ? 'family-name' : 'tel',
        hint: field === 'lastName' ? t('profile.nameHint') : undefined,
      }),
    );
  }
  form.append(
    formField({
      name: 'caseNotifications',
      label: t('profile.notify'),
      type: 'select',
      required: true,
      options: ['all', 'own', 'none'],
      optionLabel: (level) =>
        t(NOTIFICATION_LABELS[level as Me['caseNotifications']] ?? 'profile.notify.all'),
      value: me.caseNotifications,
      hint: t('profile.notifyHint'),
    }),
  );
  form.append(el('button', { type: 'submit', class: 'button' }, t('profile.save')));
  onSubmit(
    form,
    t,
    async (data) => {
      const changes: Record<string, unknown> = {};
      for (const field of EDITABLE) {
        const value = text(data, field);
        if (value !== (me[field] ?? '')) changes[field] = field === 'phone' && value === '' ? null : value;
      }
      const level = text(data, 'caseNotifications');
      if (level !== '' && level !== me.caseNotifications) changes.caseNotifications = level;
      if (Object.keys(changes).length > 0) await view.api.updateMe(changes);
      await view.reloadMe();
      view.router.navigate(view.router.href('profile'), {
        replace: true,
        flash: { kind: 'success', message: t('profile.saved') },
      });
    },
    { label: (field) => fieldLabel(messages, field), check: checkNameGiven },
  );
  append(view.main, form, profileConsent(view));
  await profilePrivacy({ ...view, pageHref: view.router.href('profile') });
}
