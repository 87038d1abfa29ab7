import { PROBLEM_CODES, type ProblemCode } from '../../../../libs/client/src/problem-codes.js';
import type { ApiSchema } from './api-types.js';

/** An RFC 9457 problem document as the API sends it. */
export type ProblemDocument = ApiSchema<'Problem'>;

/**
 * A problem's code: one of the API's closed set (libs/client, generated from its OpenAPI document),
 * or the pages' own `network` for a server not reached.
 */
export type WebProblemCode = ProblemCode | 'network';

const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...PROBLEM_CODES, 'network']);

/** A refused or failed API call; `status` 0 means the server was not reached. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail || problem.title);
  }

  get status(): number {
    return this.problem.status;
  }

  /**
   * The last segment of the problem type (`urn:portal:problem:reset_expired` → `reset_expired`),
   * when it is a code of the closed set; null for anything else (a proxy's page, `about:blank`).
   */
  get code(): WebProblemCode | null {
    const last = this.problem.type.split(/[:/]/).pop() ?? '';
    return KNOWN_CODES.has(last) ? (last as WebProblemCode) : null;
  }

  /** Field errors keyed by the top-level field they are about (`/password`, `fields.name` → `password`, `name`). */
  fieldErrors(): Map<string, string[]> {
    const byField = new Map<string, string[]>();
    for (const error of this.problem.errors ?? []) {
      const segments = error.path.split(/[/.[\]]+/).filter((s) => s !== '' && s !== 'body' && s !== 'fields');
      const field = segments[0] ?? '';
      byField.set(field, [...(byField.get(field) ?? []), error.message]);
    }
    return byField;
  }
}

function isProblem(value: unknown): value is ProblemDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && (typeof v.detail === 'string' || typeof v.title === 'string');
}

/** The problem's extension members among `names` that hold text (anything else is dropped). */
function textMembers(body: Record<string, unknown>, names: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of names) {
    const value = body[name];
    if (typeof value === 'string') found[name] = value;
  }
  return found;
}

/** Reads the problem document of a failed answer; anything else becomes a generic one of that status. */
export async function problemFrom(response: Response): Promise<ProblemDocument> {
  const body: unknown = await response.json().catch(() => null);
  return problemOf(response.status, response.statusText, body);
}

/** The problem document of a failed answer already read (an XMLHttpRequest's body as parsed JSON, or null). */
export function problemOf(status: number, statusText: string, body: unknown): ProblemDocument {
  if (isProblem(body)) {
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: body.title ?? statusText,
      status,
      detail: body.detail ?? body.title ?? '',
      errors: Array.isArray(body.errors) ? body.errors : undefined,
      // consent_required names what to accept: the pages show it.
      ...textMembers(body, ['consentVersion', 'consentUrl']),
    };
  }
  return { type: 'about:blank', title: statusText || 'Error', status, detail: '' };
}

const NETWORK: WebProblemCode = 'network';

export function networkProblem(): ProblemDocument {
  return { type: `urn:portal:problem:${NETWORK}`, title: 'Network error', status: 0, detail: '' };
}
