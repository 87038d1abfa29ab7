import type { Translate } from '../i18n/catalogue.js';
import { addProblem, type FieldProblems } from '../validation/field-problem.js';
import { formField } from './form-field.js';

// The API's password policy (apps/api …/password-policy.ts): 10 to 256 characters.
const MIN_LENGTH = 10;
const MAX_LENGTH = 256;

/** A new password typed twice, so a typo does not lock the user out. */
export function newPasswordFields(t: Translate): HTMLElement[] {
  return [
    formField({
      name: 'password',
      label: t('field.newPassword'),
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      minLength: MIN_LENGTH,
      maxLength: MAX_LENGTH,
      hint: t('password.hint'),
      requiredText: t('field.required'),
    }),
    formField({
      name: 'confirmPassword',
      label: t('field.confirmPassword'),
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      requiredText: t('field.required'),
    }),
  ];
}

/** The second entry must repeat the first (once the first is there at all). */
export function checkPasswordsAgree(data: FormData, problems: FieldProblems): void {
  const password = String(data.get('password') ?? '');
  const repeated = String(data.get('confirmPassword') ?? '');
  if (password !== '' && repeated !== '' && password !== repeated) {
    addProblem(problems, 'confirmPassword', { key: 'password.mismatch' });
  }
}

/** The chosen password, as typed. */
export function chosenPassword(data: FormData): string {
  return String(data.get('password') ?? '');
}
