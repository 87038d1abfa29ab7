import { problemCodeOf, problemType, type ProblemCode } from './problem-codes';

/** RFC 9457 problem document, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Builds a problem; `code` becomes the last segment of `type` so clients can match on it. */
export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  errors?: { path: string; message: string }[],
  extensions: Record<string, unknown> = {},
): Problem {
  return {
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extensions,
  };
}

/** Thrown anywhere in the API to answer with a given problem document. */
export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  static of(status: number, code: ProblemCode, detail: string, errors?: { path: string; message: string }[]) {
    return new ProblemException(problem(status, code, detail, errors));
  }
}

/** Whether `error` answers the problem with this code (the code is checked against the closed set). */
export function isProblem(error: unknown, code: ProblemCode): error is ProblemException {
  return error instanceof ProblemException && problemCodeOf(error.problem) === code;
}
