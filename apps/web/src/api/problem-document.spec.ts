import { PROBLEM_CODES as API_CODES } from '../../../api/src/http/problem-codes';
import { PROBLEM_CODES } from '../../../../libs/client/src/problem-codes';
import { problemDetailKey } from '../validation/api-problems';
import { ApiError, networkProblem } from './problem-document';

const refused = (type: string, status: number) =>
  new ApiError({ type, title: 'Refused', status, detail: '' });

describe("the pages' problem codes", () => {
  it("are the API's closed set, as libs/client publishes it", () => {
    expect([...PROBLEM_CODES]).toEqual([...API_CODES]);
  });

  it('reads a code of the set from the type, and none from anything else', () => {
    expect(refused('urn:portal:problem:reset_expired', 422).code).toBe('reset_expired');
    expect(refused('urn:portal:problem:no_such_code', 422).code).toBeNull();
    expect(refused('about:blank', 502).code).toBeNull();
    expect(new ApiError(networkProblem()).code).toBe('network');
  });

  it("explains a known code in the catalogue's words, anything else by its status", () => {
    expect(problemDetailKey(refused('urn:portal:problem:reset_expired', 422))).toBe('error.resetExpired');
    expect(problemDetailKey(refused('urn:portal:problem:no_such_code', 409))).toBe('error.conflict');
    expect(problemDetailKey(new ApiError(networkProblem()))).toBe('error.network');
  });
});
