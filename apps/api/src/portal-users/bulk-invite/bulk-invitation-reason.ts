import { DomainError, type DomainErrorCode } from '@portal/domain';
import { ProblemException } from '../../http/problem';
import { problemCodeOf } from '../../http/problem-codes';

/** Domain codes whose reason has another name in the bulk answer (Zoho's vocabulary). */
const RENAMED: Partial<Record<DomainErrorCode, string>> = {
  // The contact's email already belongs to a portal user.
  email_taken: 'already_portal_user',
  contact_not_found: 'not_found',
};

/** The reason a contact failed, or undefined for an unexpected error. */
export function bulkInvitationReason(error: unknown): string | undefined {
  if (error instanceof DomainError) return RENAMED[error.code] ?? error.code;
  if (error instanceof ProblemException) return problemCodeOf(error.problem);
  return undefined;
}
