import { ApiError } from '../api/problem-document.js';
import { replaceChildren } from '../dom/element.js';
import { humanize, type Translate } from '../i18n/catalogue.js';
import { problemAlert } from './alerts.js';
import { clearFieldErrors, showFieldErrors } from './form-field.js';

/**
 * Submits a form through `action`: the button is disabled meanwhile (no double posts), and a
 * refusal shows the API's problem above the form (focused, so keyboard and screen-reader users
 * land on it) and beside each field it names.
 */
export function onSubmit(
  form: HTMLFormElement,
  t: Translate,
  action: (data: FormData) => Promise<void>,
  fieldLabel: (field: string) => string = humanize,
): void {
  const errors =
    form.querySelector<HTMLElement>('.form-errors') ??
    form.insertAdjacentElement('afterbegin', document.createElement('div'));
  (errors as HTMLElement).className = 'form-errors';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll<HTMLButtonElement>('button[type=submit]');
    for (const button of buttons) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    clearFieldErrors(form);
    replaceChildren(errors as HTMLElement);
    action(new FormData(form))
      .catch((error: unknown) => {
        // A 401 already took the user to the login page: nothing to show here.
        if (error instanceof ApiError && error.status === 401 && !form.isConnected) return;
        if (error instanceof ApiError) showFieldErrors(form, error.fieldErrors());
        const alert = problemAlert(t, error, fieldLabel);
        replaceChildren(errors as HTMLElement, alert);
        alert.focus();
      })
      .finally(() => {
        for (const button of buttons) button.disabled = false;
        form.removeAttribute('aria-busy');
      });
  });
}

/** A form value as a trimmed string ('' when absent). */
export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
