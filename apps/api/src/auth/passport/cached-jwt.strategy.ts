import type { KeyObject } from 'node:crypto';
import { ExtractJwt } from 'passport-jwt';
import { VerifiedTokenCache, type TokenChecks } from '../tokens/verified-token-cache';

type Verified = (error: unknown, user?: unknown, info?: unknown) => void;
type ValidateWithRequest = (request: unknown, payload: unknown, done: Verified) => unknown;
type ValidatePayload = (payload: unknown, done: Verified) => unknown;

export interface CachedJwtOptions extends TokenChecks {
  /** The HMAC key, made once (accessTokenKey). */
  key: KeyObject;
  /** Whether `validate` is given the request before the payload. */
  passReqToCallback?: boolean;
}

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * passport-jwt's Strategy with a verifier of its own: passport-jwt verifies through one function
 * shared by every strategy in the process (`JwtStrategy.JwtVerifier`), where a cache of verified
 * tokens must belong to one key and one set of checks. So this strategy owns a VerifiedTokenCache
 * (which says why keeping a verified token relaxes nothing) and otherwise does what passport-jwt
 * did: the bearer token of the Authorization header, verified, then the strategy's `validate` (Nest's
 * callback) on every request. No token or a failed verification fails (a 401), an error thrown by
 * `validate` is an error, no user fails.
 */
export class CachedJwtStrategy {
  // Set by passport on the copy of the strategy it makes for each request, before `authenticate`.
  declare success: (user: unknown, info?: unknown) => void;
  declare fail: (challenge?: unknown) => void;
  declare error: (error: unknown) => void;

  private readonly tokens: VerifiedTokenCache;
  private readonly passRequest: boolean;

  constructor(
    options: CachedJwtOptions,
    private readonly validateCallback: ValidateWithRequest | ValidatePayload,
  ) {
    this.tokens = new VerifiedTokenCache(options.key, {
      algorithms: options.algorithms,
      ...(options.audience === undefined ? {} : { audience: options.audience }),
    });
    this.passRequest = options.passReqToCallback === true;
  }

  authenticate(request: unknown): void {
    const token = bearerToken(request as Parameters<typeof bearerToken>[0]);
    if (!token) return this.fail(new Error('No auth token'));
    let payload: unknown;
    try {
      payload = this.tokens.verify(token);
    } catch (error) {
      return this.fail(error);
    }
    const verified: Verified = (error, user, info) => {
      if (error) this.error(error);
      else if (!user) this.fail(info);
      else this.success(user, info);
    };
    try {
      if (this.passRequest) (this.validateCallback as ValidateWithRequest)(request, payload, verified);
      else (this.validateCallback as ValidatePayload)(payload, verified);
    } catch (error) {
      this.error(error);
    }
  }
}
