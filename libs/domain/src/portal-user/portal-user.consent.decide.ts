import { DomainError } from '../shared/domain-error';
import type { ConsentTerms, GiveConsent, WithdrawConsent } from './portal-user.commands';
import type { ConsentGiven, ConsentWithdrawn } from './portal-user.events';
import { assertInPortal, assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

/**
 * Whether the user holds the consent the portal requires now: true when it requires none, else only
 * for exactly that version (a new version asks everyone again). Every portal request, every login
 * and every view of a share link the user made is judged by it.
 */
export function hasRequiredConsent(
  state: PortalUserState,
  portalId: string,
  required: string | null,
): boolean {
  return required === null || state.consents[portalId] === required;
}

function consentRequired(required: string): DomainError {
  return new DomainError(
    'consent_required',
    `This portal requires accepting version ${required} of its terms first.`,
    'forbidden',
  );
}

/**
 * The consent given along with an invitation acceptance or a login: nothing when the portal requires
 * none or the user already holds it; ConsentGiven when the call accepted exactly the required
 * version; refused (consent_required, 403) otherwise, so nothing of the call is appended.
 */
export function consentGivenWith(
  state: PortalUserState,
  portalId: string,
  terms: ConsentTerms | undefined,
): ConsentGiven[] {
  const required = terms?.required ?? null;
  // Stryker disable next-line ConditionalExpression: hasRequiredConsent already holds when nothing is required
  if (required === null || hasRequiredConsent(state, portalId, required)) return [];
  if (terms?.accepted !== required) throw consentRequired(required);
  return [{ type: 'ConsentGiven', data: { portalId, version: required } }];
}

/**
 * POST …/me/consents: only the version the portal requires now can be accepted (422
 * consent_version_not_current otherwise, also when it requires none); accepting it again is a no-op.
 */
export function decideGiveConsent(command: GiveConsent, state: PortalUserState): ConsentGiven[] {
  assertPortalUserExists(state);
  assertInPortal(state, command.portalId);
  // A portal that requires none has `required` null, which no version equals.
  if (command.version !== command.required) {
    throw new DomainError(
      'consent_version_not_current',
      'Only the version of the terms this portal requires now can be accepted.',
      'invalid',
      [{ path: 'version', message: `must be ${command.required ?? '(none required)'}` }],
    );
  }
  if (state.consents[command.portalId] === command.version) return [];
  return [{ type: 'ConsentGiven', data: { portalId: command.portalId, version: command.version } }];
}

/** DELETE …/me/consents/{version}: 404 consent_not_given unless the user holds that version here. */
export function decideWithdrawConsent(command: WithdrawConsent, state: PortalUserState): ConsentWithdrawn[] {
  assertPortalUserExists(state);
  if (state.consents[command.portalId] !== command.version) {
    throw new DomainError('consent_not_given', 'No consent to this version is held.', 'not-found');
  }
  return [{ type: 'ConsentWithdrawn', data: { portalId: command.portalId, version: command.version } }];
}
