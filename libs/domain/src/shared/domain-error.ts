import type { DomainErrorCode } from '../error-codes';

/**
 * A command broke a business rule. `code` is stable, one of the closed set in error-codes.ts (clients and tests match on it);
 * `kind` tells the API which status fits: 'invalid' → 422, 'not-found' → 404,
 * 'forbidden' → 403, 'conflict' → 409.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Whether `error` is a domain refusal with this code: the code is checked against the closed set. */
export function isDomainError(error: unknown, code: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && error.code === code;
}
