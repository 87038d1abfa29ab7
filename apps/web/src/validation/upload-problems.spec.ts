import { API_PROBLEM_CODES } from '../../../api/src/http/problem-codes';
import { ApiError, type ProblemDocument } from '../api/problem-document';
import { en } from '../i18n/en';
import { problemDetailKey } from './api-problems';

// An upload's refusal in the customer's words: by the API's problem code, or by its status when
// something in front of the API (a proxy's 413) answered without one.

function refusal(status: number, code?: string): ApiError {
  const problem: ProblemDocument = {
    type: code ? `urn:portal:problem:${code}` : 'about:blank',
    title: 'Refused',
    status,
    detail: 'English detail the page never shows for a known code',
  };
  return new ApiError(problem);
}

describe('the words for refused uploads', () => {
  it.each([
    [413, 'file_too_large', 'upload.tooLarge'],
    [415, 'file_type_not_allowed', 'upload.typeNotAllowed'],
    [415, 'multipart_required', 'upload.invalid'],
    [413, 'too_many_parts', 'upload.invalid'],
    [429, 'too_many_uploads', 'upload.tooManyAtOnce'],
    [400, 'file_empty', 'upload.empty'],
    [400, 'file_required', 'upload.required'],
    [422, 'too_many_attachments', 'upload.tooManyFiles'],
    [409, 'document_has_file', 'upload.tooManyFiles'],
    [404, 'attachment_not_found', 'files.notFound'],
  ])('%i %s → %s', (status, code, key) => {
    expect(problemDetailKey(refusal(status, code))).toBe(key);
  });

  it("gives every upload code of the API's closed set words of its own", () => {
    const uploadCodes = API_PROBLEM_CODES.filter((code) => /^(file_|multipart_|too_many_)/.test(code));
    expect(uploadCodes.length).toBeGreaterThanOrEqual(7);
    for (const code of uploadCodes) {
      const key = problemDetailKey(refusal(400, code));
      expect([code, key?.startsWith('upload.')]).toEqual([code, true]);
    }
  });

  it('says "too large" and "type not allowed" by status alone, and a busy uploader is not told of logins', () => {
    expect(problemDetailKey(refusal(413))).toBe('upload.tooLarge');
    expect(problemDetailKey(refusal(415))).toBe('upload.typeNotAllowed');
    expect(problemDetailKey(refusal(429, 'too_many_uploads'))).not.toBe(problemDetailKey(refusal(429)));
    expect(en['upload.tooLarge']).not.toMatch(/\{/);
  });
});
