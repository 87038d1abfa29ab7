import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import type { Principal } from '../principal';
import {
  ACCESS_TOKEN_ALGORITHMS,
  accessTokenKey,
  STAFF_AUDIENCE,
  hasRequiredClaims,
} from '../tokens/access-token';
import { StaffUserStates } from '../state/staff-user-states';
import { CachedJwtStrategy } from './cached-jwt.strategy';
import { NO_GLOBAL_PASSPORT, PassportAuthenticator, unauthorized } from './passport-authenticator';

export const STAFF_JWT = 'staff-jwt';

/**
 * Staff bearer tokens: HS256 only, audience `staff`, `exp` required. The user's current state is
 * read from the event store on every request, so a deactivation or role change counts at once.
 */
@Injectable()
export class StaffJwtStrategy extends PassportStrategy(CachedJwtStrategy) {
  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly staffUsers: StaffUserStates,
    authenticator: PassportAuthenticator,
  ) {
    super({
      key: accessTokenKey(config.jwtSecret),
      algorithms: [...ACCESS_TOKEN_ALGORITHMS],
      audience: STAFF_AUDIENCE,
    });
    authenticator.use(STAFF_JWT, this);
  }

  getPassportInstance() {
    return NO_GLOBAL_PASSPORT;
  }

  async validate(payload: unknown): Promise<Principal> {
    if (!hasRequiredClaims(payload) || payload.aud !== STAFF_AUDIENCE) throw unauthorized();
    const state = await this.staffUsers.current(payload.sub);
    if (!state.exists || !state.isActive || state.role === null) throw unauthorized();
    return {
      kind: 'staff',
      id: payload.sub,
      name: state.name ?? '',
      email: state.email ?? '',
      role: state.role,
    };
  }
}
