import type { PortalDoc } from '@portal/read-models';
import { problem, ProblemException } from '../../http/problem';

/** The consent version a portal requires now (null: none); portals projected before it carry none. */
export function requiredConsentVersion(portal: PortalDoc): string | null {
  return portal.settings.consentVersion ?? null;
}

/**
 * 403 consent_required, naming the version to accept and where its text is, so a client can show
 * the consent page and then accept (POST …/me/consents, or the login/acceptance with consentVersion).
 */
export function consentRequiredProblem(portal: PortalDoc | undefined): ProblemException {
  const version = portal ? requiredConsentVersion(portal) : null;
  return new ProblemException(
    problem(403, 'consent_required', `Accept version ${version} of this portal's terms to continue.`, [], {
      consentVersion: version,
      consentUrl: portal?.settings.consentUrl ?? null,
    }),
  );
}

/** 401 processing_restricted: the shape of every refused login, its own code (said only after a right password). */
export function processingRestrictedProblem(): ProblemException {
  return ProblemException.of(
    401,
    'processing_restricted',
    'Processing of your data is restricted: signing in is not possible until it is lifted.',
  );
}
