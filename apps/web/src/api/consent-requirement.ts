import { ApiError } from './problem-document.js';

/** The version of the portal's terms a user must accept, and where its text is. */
export interface ConsentRequirement {
  version: string;
  url: string | null;
}

/** What a 403 consent_required asks to accept; null for any other error (or one naming no version). */
export function consentRequirementOf(error: unknown): ConsentRequirement | null {
  if (!(error instanceof ApiError) || error.code !== 'consent_required') return null;
  const { consentVersion, consentUrl } = error.problem;
  if (typeof consentVersion !== 'string' || consentVersion === '') return null;
  return { version: consentVersion, url: typeof consentUrl === 'string' ? consentUrl : null };
}

/** Only absolute http(s) links to the terms are shown (an admin's typo or a javascript: URL is not). */
export function safeTermsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
