import type { ApiError, WebProblemCode } from '../api/problem-document.js';
import type { MessageKey } from '../i18n/en.js';
import type { FieldProblem, FieldProblems } from './field-problem.js';

/**
 * The API's problem codes the customer pages explain in their own words (a code outside the API's
 * closed set does not compile).
 */
const DETAIL_BY_CODE: Partial<Record<WebProblemCode, MessageKey>> = {
  validation_failed: 'error.validation',
  invalid_profile: 'error.validation',
  record_invalid: 'error.validation',
  invalid_email: 'validation.email',
  comment_empty: 'validation.required',
  rate_limited: 'error.rateLimited',
  precondition_failed: 'error.conflict',
  password_incorrect: 'error.passwordIncorrect',
  invitation_invalid: 'error.invitationInvalid',
  invitation_expired: 'error.invitationExpired',
  invitation_used: 'error.invitationUsed',
  already_active: 'error.invitationUsed',
  reset_invalid: 'error.resetInvalid',
  reset_expired: 'error.resetExpired',
  reset_used: 'error.resetUsed',
  email_change_invalid: 'error.emailChangeInvalid',
  email_change_expired: 'error.emailChangeExpired',
  user_deactivated: 'error.accountDeactivated',
  processing_restricted: 'login.restricted',
  record_not_found: 'record.notFoundDetail',
  // Uploads (the API's attachment endpoints).
  file_too_large: 'upload.tooLarge',
  too_many_parts: 'upload.invalid',
  multipart_required: 'upload.invalid',
  file_type_not_allowed: 'upload.typeNotAllowed',
  file_empty: 'upload.empty',
  file_required: 'upload.required',
  too_many_uploads: 'upload.tooManyAtOnce',
  too_many_attachments: 'upload.tooManyFiles',
  document_has_file: 'upload.tooManyFiles',
  attachment_not_found: 'files.notFound',
  // The portal's terms (consent).
  consent_required: 'consent.required',
  consent_version_not_current: 'consent.changed',
  consent_not_given: 'consent.notGiven',
};

/** The message of an API refusal for the user: the catalogue's words for its type, else by status. */
export function problemDetailKey(error: ApiError): MessageKey | null {
  const known = error.code === null ? undefined : DETAIL_BY_CODE[error.code];
  if (known) return known;
  if (error.status === 0) return 'error.network';
  if (error.status === 400 || error.status === 422) return 'error.validation';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'record.notFoundDetail';
  if (error.status === 409 || error.status === 412) return 'error.conflict';
  // Answered by a proxy in front of the API as well (its own body, or none): still the same cause.
  if (error.status === 413) return 'upload.tooLarge';
  if (error.status === 415) return 'upload.typeNotAllowed';
  if (error.status === 429) return 'error.rateLimited';
  if (error.status >= 500) return 'error.server';
  return null;
}

/**
 * One field message of the API (zod's or the domain's, in English) as a catalogue message. The
 * patterns are the API's own wording; anything else is "not accepted", never the raw English.
 */
export function fieldProblemOf(message: string): FieldProblem {
  const tooSmall = /^Too small: expected string to have >=(\d+) characters?/.exec(message);
  if (tooSmall) {
    const min = Number(tooSmall[1]);
    return min <= 1 ? { key: 'validation.required' } : { key: 'validation.tooShort', params: { min } };
  }
  const tooBig = /^Too big: expected string to have <=(\d+) characters?/.exec(message);
  if (tooBig) return { key: 'validation.tooLong', params: { max: Number(tooBig[1]) } };
  const atLeast = /^must be at least (\d+) characters long$/.exec(message);
  if (atLeast) return { key: 'validation.tooShort', params: { min: Number(atLeast[1]) } };
  const atMost = /^must be at most (\d+) characters( long)?$/.exec(message);
  if (atMost) return { key: 'validation.tooLong', params: { max: Number(atMost[1]) } };
  if (/received undefined$/.test(message) || message === 'is required') return { key: 'validation.required' };
  if (message === 'must not repeat a single character') return { key: 'password.singleCharacter' };
  if (message === 'is empty') return { key: 'upload.empty' };
  if (message === 'must not be only blanks') return { key: 'validation.blank' };
  if (message === 'required when firstName is empty') return { key: 'validation.nameRequired' };
  if (message.startsWith('letters, digits and @')) return { key: 'validation.email' };
  return { key: 'validation.invalid' };
}

/** The field problems of an API refusal, keyed by the top-level field each is about. */
export function apiFieldProblems(error: ApiError): FieldProblems {
  const problems: FieldProblems = new Map();
  for (const [field, messages] of error.fieldErrors()) problems.set(field, messages.map(fieldProblemOf));
  return problems;
}
