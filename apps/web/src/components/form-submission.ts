import { ApiError } from '../api/problem-document.js';
import { replaceChildren } from '../dom/element.js';
import { humanize, type Translate } from '../i18n/catalogue.js';
import { apiFieldProblems } from '../validation/api-problems.js';
import type { FieldProblems } from '../validation/field-problem.js';
import { controlProblems } from '../validation/form-checks.js';
import { errorText } from './alerts.js';
import { errorSummary, type SummaryItem } from './error-summary.js';
import { clearFieldErrors, fieldOf, showFieldError } from './form-field.js';

/** A refusal decided in the page (e.g. a failed login), already in the user's words. */
export class FormRefusal extends Error {}

export interface SubmitOptions {
  /** The label of a field the API names that is not on the form. */
  label?: (field: string) => string;
  /** Checks beyond the controls' own attributes (two passwords agree, a name is given). */
  check?: (data: FormData, problems: FieldProblems) => void;
}

/**
 * Submits a form through `action`. The form's own checks run first, in the browser; then the
 * button is disabled meanwhile (no double posts), and a refusal shows an error summary above the
 * form (focused, so keyboard and screen-reader users land on it) and a message at each field.
 */
export function onSubmit(
  form: HTMLFormElement,
  t: Translate,
  action: (data: FormData) => Promise<void>,
  options: SubmitOptions = {},
): void {
  const errors = document.createElement('div');
  errors.className = 'form-errors';
  form.prepend(errors);
  const show = (detail: string, problems: FieldProblems) => {
    const items: SummaryItem[] = [];
    for (const [name, found] of problems) {
      const messages = found.map((problem) => t(problem.key, problem.params));
      const field = fieldOf(form, name);
      if (field) showFieldError(form, name, messages);
      const label = field?.label ?? (name ? (options.label ?? humanize)(name) : '');
      for (const message of messages) items.push({ label, message, control: field?.control });
    }
    const summary = errorSummary(t, detail, items);
    replaceChildren(errors, summary);
    summary.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    replaceChildren(errors);
    const data = new FormData(form);
    const problems = controlProblems(form);
    options.check?.(data, problems);
    if (problems.size > 0) return show(t('error.validation'), problems);

    const buttons = form.querySelectorAll<HTMLButtonElement>('button[type=submit]');
    for (const button of buttons) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    action(data)
      .catch((error: unknown) => {
        // A 401 already took the user to the login page: nothing to show here.
        if (error instanceof ApiError && error.status === 401 && !form.isConnected) return;
        if (error instanceof FormRefusal) return show(error.message, new Map());
        show(errorText(t, error), error instanceof ApiError ? apiFieldProblems(error) : new Map());
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
