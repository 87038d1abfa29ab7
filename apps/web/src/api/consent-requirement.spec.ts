import { consentRequirementOf, safeTermsUrl } from './consent-requirement';
import { ApiError, problemOf } from './problem-document';

const answered = (status: number, body: unknown) => new ApiError(problemOf(status, 'Forbidden', body));

describe('the consent a refusal asks for', () => {
  it('reads the version and the link of a 403 consent_required', () => {
    const refusal = answered(403, {
      type: 'urn:portal:problem:consent_required',
      title: 'Forbidden',
      status: 403,
      detail: 'Accept version 2026-2 of this portal’s terms to continue.',
      consentVersion: '2026-2',
      consentUrl: 'https://example.com/terms/2026-2',
    });
    expect(consentRequirementOf(refusal)).toEqual({
      version: '2026-2',
      url: 'https://example.com/terms/2026-2',
    });
  });

  it('has no link when the portal gives none, and nothing for another refusal or no version', () => {
    const base = { type: 'urn:portal:problem:consent_required', title: 'Forbidden', status: 403, detail: '' };
    expect(consentRequirementOf(answered(403, { ...base, consentVersion: 'v1', consentUrl: null }))).toEqual({
      version: 'v1',
      url: null,
    });
    expect(consentRequirementOf(answered(403, { ...base, consentVersion: null }))).toBeNull();
    const forbidden = { ...base, type: 'urn:portal:problem:portal_inactive', consentVersion: 'v1' };
    expect(consentRequirementOf(answered(403, forbidden))).toBeNull();
    expect(consentRequirementOf(new Error('no'))).toBeNull();
  });

  it('keeps only the problem members it knows, as text', () => {
    const problem = problemOf(403, 'Forbidden', {
      type: 'urn:portal:problem:consent_required',
      title: 'Forbidden',
      status: 403,
      detail: '',
      consentVersion: 7,
      other: 'x',
    });
    expect(problem).not.toHaveProperty('consentVersion');
    expect(problem).not.toHaveProperty('other');
  });
});

describe('the link to the terms', () => {
  it('is shown for absolute http(s) addresses only', () => {
    expect(safeTermsUrl('https://example.com/terms')).toBe('https://example.com/terms');
    expect(safeTermsUrl('http://example.com/t?v=1')).toBe('http://example.com/t?v=1');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/terms', 'not a url', '', null]) {
      expect(safeTermsUrl(bad)).toBeNull();
    }
  });
});
