import { DomainError } from '@portal/domain';
import { isProblem, problem, ProblemException } from './problem';
import { API_PROBLEM_CODES, fastifyProblemCode, problemCodeOf } from './problem-codes';

describe('problem codes', () => {
  it('puts the code in the type and reads it back', () => {
    const doc = problem(403, 'password_incorrect', 'No.');
    expect(doc.type).toBe('urn:portal:problem:password_incorrect');
    expect(problemCodeOf(doc)).toBe('password_incorrect');
    expect(problemCodeOf({ type: 'about:blank' })).toBe('about:blank');
  });

  it('matches a thrown problem by its code only', () => {
    const error = ProblemException.of(404, 'portal_not_found', 'No such portal.');
    expect(isProblem(error, 'portal_not_found')).toBe(true);
    expect(isProblem(error, 'not_found')).toBe(false);
    expect(
      isProblem(new DomainError('portal_not_found', 'No such portal.', 'not-found'), 'portal_not_found'),
    ).toBe(false);
    expect(isProblem(new Error('portal_not_found'), 'portal_not_found')).toBe(false);
  });

  it("keeps Fastify's body refusals by name and turns any other of its codes into bad_request", () => {
    expect(fastifyProblemCode('FST_ERR_CTP_BODY_TOO_LARGE')).toBe('fst_err_ctp_body_too_large');
    expect(fastifyProblemCode('FST_ERR_CTP_INVALID_JSON_BODY')).toBe('fst_err_ctp_invalid_json_body');
    expect(fastifyProblemCode('FST_ERR_SOMETHING_NEW')).toBe('bad_request');
    expect(fastifyProblemCode('UNAUTHORIZED')).toBe('bad_request'); // an API code, not Fastify's
    expect(fastifyProblemCode(undefined)).toBe('bad_request');
  });

  it('lists each code once, in the shape clients match on', () => {
    expect(new Set(API_PROBLEM_CODES).size).toBe(API_PROBLEM_CODES.length);
    for (const code of API_PROBLEM_CODES) expect(code).toMatch(/^[a-z][a-z_]*$/);
  });
});
