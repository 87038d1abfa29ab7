import { ApiError } from '../api/problem-document.js';
import { el } from '../dom/element.js';
import { humanize, type Translate } from '../i18n/catalogue.js';
import type { Flash } from '../router/router.js';

/** A status message; `error` ones are announced at once (role=alert), others politely. */
export function flashMessage(flash: Flash): HTMLElement {
  return el(
    'div',
    { class: `alert alert-${flash.kind}`, role: flash.kind === 'error' ? 'alert' : 'status' },
    flash.message,
  );
}

/** The text of an error for the user: the API's own detail, or a generic one. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    return error.problem.detail || error.problem.title || t('error.title');
  }
  return t('error.title');
}

/** A problem document shown in full: its detail and, for bad input, each field's message. */
export function problemAlert(
  t: Translate,
  error: unknown,
  fieldLabel: (field: string) => string = humanize,
): HTMLElement {
  const alert = el(
    'div',
    { class: 'alert alert-error', role: 'alert', tabindex: '-1' },
    el('p', {}, errorText(t, error)),
  );
  if (error instanceof ApiError && error.problem.errors?.length) {
    const list = el('ul');
    for (const [field, messages] of error.fieldErrors()) {
      for (const message of messages)
        list.append(el('li', {}, field ? `${fieldLabel(field)}: ${message}` : message));
    }
    alert.append(el('p', {}, t('error.fields')), list);
  }
  return alert;
}
