/**
 * A command broke a business rule. `code` is stable (clients and tests match on it);
 * `kind` tells the API which status fits: 'invalid' → 422, 'not-found' → 404,
 * 'forbidden' → 403, 'conflict' → 409.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}
