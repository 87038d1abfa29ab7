import { isEmailAddress } from './email-address.js';
import { addProblem, type FieldProblems } from './field-problem.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The checks a form's own controls declare (required, a required box ticked, type=email, minlength,
 * maxlength), made in the browser before calling the API so the user hears about them at once and
 * in their language.
 * The attributes mirror the API's rules; the API still checks everything itself.
 */
export function controlProblems(form: HTMLFormElement): FieldProblems {
  const problems: FieldProblems = new Map();
  for (const control of form.querySelectorAll<Control>('input[name], textarea[name], select[name]')) {
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      // A required box is a confirmation ("I understand…"): it must be ticked.
      if (control.required && !control.checked)
        addProblem(problems, control.name, { key: 'validation.confirm' });
      continue;
    }
    const raw = control.value;
    // Passwords are taken as typed; every other value is trimmed, as the API trims it.
    const value = control instanceof HTMLInputElement && control.type === 'password' ? raw : raw.trim();
    // Code points for the minimum (the password policy counts them), UTF-16 units for the maximum
    // (as the record fields' limits and the browser's maxlength do).
    const length = [...value].length;
    if (value === '') {
      if (control.required) {
        addProblem(problems, control.name, {
          key: raw === '' ? 'validation.required' : 'validation.blank',
        });
      }
      continue;
    }
    const min = 'minLength' in control ? control.minLength : -1;
    const max = 'maxLength' in control ? control.maxLength : -1;
    if (min > 0 && length < min)
      addProblem(problems, control.name, { key: 'validation.tooShort', params: { min } });
    if (max > 0 && value.length > max)
      addProblem(problems, control.name, { key: 'validation.tooLong', params: { max } });
    if (control instanceof HTMLInputElement && control.type === 'email' && !isEmailAddress(value)) {
      addProblem(problems, control.name, { key: 'validation.email' });
    }
  }
  return problems;
}
