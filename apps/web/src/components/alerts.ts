import { ApiError } from '../api/problem-document.js';
import { el } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';
import type { Flash } from '../router/router.js';
import { problemDetailKey } from '../validation/api-problems.js';

/**
 * A status message; `error` ones are announced at once (role=alert), others politely. It can take
 * focus (tabindex -1), so a page that opens with a message can move the reader straight to it.
 */
export function flashMessage(flash: Flash): HTMLElement {
  return el(
    'div',
    { class: `alert alert-${flash.kind}`, role: flash.kind === 'error' ? 'alert' : 'status', tabindex: '-1' },
    flash.message,
  );
}

/** The text of an error for the user, from the catalogue; the API's own detail only for a type it does not know. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = problemDetailKey(error);
    if (key) return t(key);
    return error.problem.detail || error.problem.title || t('error.title');
  }
  return t('error.title');
}
