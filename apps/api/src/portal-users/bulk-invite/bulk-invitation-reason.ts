import { DomainError } from '@portal/domain';
import { ProblemException } from '../../http/problem';

/** Codes whose reason has another name in the bulk answer (Zoho's vocabulary). */
const RENAMED: Record<string, string> = {
  // The contact's email already belongs to a portal user.
  email_taken: 'already_portal_user',
  contact_not_found: 'not_found',
};

/** The reason a contact failed, or undefined for an unexpected error. */
export function bulkInvitationReason(error: unknown): string | undefined {
  const code =
    error instanceof DomainError
      ? error.code
      : error instanceof ProblemException
        ? error.problem.type.split(':').pop()
        : undefined;
  return code === undefined ? undefined : (RENAMED[code] ?? code);
}
