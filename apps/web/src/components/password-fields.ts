import { ApiError } from '../api/problem-document.js';
import type { Translate } from '../i18n/catalogue.js';
import { formField } from './form-field.js';

const MIN_LENGTH = 10;

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

/** The password when both entries agree; otherwise a problem in the API's shape, shown the same way. */
export function chosenPassword(t: Translate, data: FormData): string {
  const password = String(data.get('password') ?? '');
  if (password !== String(data.get('confirmPassword') ?? '')) {
    throw clientProblem(t('password.mismatch'), 'confirmPassword');
  }
  return password;
}

/** A refusal decided in the browser before calling the API, presented like the API's own. */
export function clientProblem(detail: string, field?: string): ApiError {
  return new ApiError({
    type: 'urn:portal:problem:validation_failed',
    title: 'Bad Request',
    status: 400,
    detail,
    errors: field ? [{ path: field, message: detail }] : undefined,
  });
}
