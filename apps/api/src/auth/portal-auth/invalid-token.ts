import { DomainError } from '@portal/domain';

/** The refusal a decider would give for a token it cannot match: the same code whether or not it exists. */
export function invalidToken(
  code: 'invitation_invalid' | 'reset_invalid' | 'email_change_invalid',
): DomainError {
  const what = {
    invitation_invalid: 'invitation',
    reset_invalid: 'password reset',
    email_change_invalid: 'email confirmation',
  }[code];
  return new DomainError(code, `This ${what} link is not valid.`);
}
