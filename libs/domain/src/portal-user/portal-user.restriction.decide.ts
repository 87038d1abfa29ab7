import type { LiftProcessingRestriction, RestrictProcessing } from './portal-user.commands';
import type { ProcessingRestricted, ProcessingRestrictionLifted } from './portal-user.events';
import { assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

// Restriction of processing (GDPR art. 18) on each portal user of the data subject: the user's own
// stream is what logins and every request fold, and what the mailer checks at send time.

/** Restricting twice changes nothing. */
export function decideRestrictProcessing(
  command: RestrictProcessing,
  state: PortalUserState,
): ProcessingRestricted[] {
  assertPortalUserExists(state);
  return state.restricted ? [] : [{ type: 'ProcessingRestricted', data: { subjectId: command.subjectId } }];
}

/** Lifting an absent restriction changes nothing. */
export function decideLiftProcessingRestriction(
  command: LiftProcessingRestriction,
  state: PortalUserState,
): ProcessingRestrictionLifted[] {
  assertPortalUserExists(state);
  return state.restricted
    ? [{ type: 'ProcessingRestrictionLifted', data: { subjectId: command.subjectId } }]
    : [];
}
