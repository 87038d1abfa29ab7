import { Global, Module, OnModuleInit } from '@nestjs/common';
import { EmailAttempts } from './email-attempts/email-attempts';
import { OneTimeTokenBackfill } from './one-time-tokens/one-time-token-backfill';
import { OneTimeTokens } from './one-time-tokens/one-time-tokens';
import { PassportAuthenticator } from './passport/passport-authenticator';
import { PortalJwtStrategy } from './passport/portal-jwt.strategy';
import { StaffJwtStrategy } from './passport/staff-jwt.strategy';
import { CredentialStore } from './passwords/credential-store';
import { CurrentPassword } from './passwords/current-password';
import { PasswordHasher } from './passwords/password-hasher';
import { PortalAccessResolver } from './portal-access';
import { AcceptInvitationHandler } from './portal-auth/accept-invitation/accept-invitation.handler';
import { AcceptInvitationHttp } from './portal-auth/accept-invitation/accept-invitation.http';
import { AuthPortal } from './portal-auth/auth-portal';
import { ConfirmEmailHandler } from './portal-auth/confirm-email/confirm-email.handler';
import { ConfirmEmailHttp } from './portal-auth/confirm-email/confirm-email.http';
import { ForgotPasswordHandler } from './portal-auth/forgot-password/forgot-password.handler';
import { ForgotPasswordHttp } from './portal-auth/forgot-password/forgot-password.http';
import { PortalLoginHandler } from './portal-auth/portal-login/portal-login.handler';
import { PortalLoginHttp } from './portal-auth/portal-login/portal-login.http';
import { PortalLogoutHttp } from './portal-auth/portal-logout/portal-logout.http';
import { PortalSignIn } from './portal-auth/portal-sign-in';
import { ResetPasswordHandler } from './portal-auth/reset-password/reset-password.handler';
import { ResetPasswordHttp } from './portal-auth/reset-password/reset-password.http';
import { PortalDirectory } from './portal-directory/portal-directory';
import { PortalUserAuthGuard } from './portal-user-auth.guard';
import { RateLimiter } from './rate-limit/rate-limiter';
import { PortalSessionStore } from './sessions/portal-session-store';
import { SessionTerminator } from './sessions/session-terminator';
import { StaffAuthGuard } from './staff-auth.guard';
import { StaffLoginHandler } from './staff-login/staff-login.handler';
import { StaffLoginHttp } from './staff-login/staff-login.http';
import { PortalUserStates } from './state/portal-user-states';
import { ReservationOwners } from './state/reservation-owners';
import { StaffUserStates } from './state/staff-user-states';
import { StreamStateCache } from './state/stream-state-cache';

/** What other feature modules use: the guards and what they need, sessions, credentials, tokens. */
const SHARED = [
  PassportAuthenticator,
  StaffAuthGuard,
  PortalUserAuthGuard,
  PortalAccessResolver,
  PortalDirectory,
  PortalSessionStore,
  SessionTerminator,
  StreamStateCache,
  StaffUserStates,
  PortalUserStates,
  ReservationOwners,
  PasswordHasher,
  CredentialStore,
  CurrentPassword,
  OneTimeTokens,
  RateLimiter,
];

/**
 * Authentication: staff and portal-user logins, portal sessions, one-time-token flows, and the
 * guards every feature module uses (global, so their dependencies resolve wherever
 * `@StaffAuth()` / `@PortalUserAuth()` appear).
 */
@Global()
@Module({
  controllers: [
    StaffLoginHttp,
    PortalLoginHttp,
    PortalLogoutHttp,
    AcceptInvitationHttp,
    ForgotPasswordHttp,
    ResetPasswordHttp,
    ConfirmEmailHttp,
  ],
  providers: [
    ...SHARED,
    StaffJwtStrategy,
    PortalJwtStrategy,
    AuthPortal,
    PortalSignIn,
    EmailAttempts,
    StaffLoginHandler,
    PortalLoginHandler,
    AcceptInvitationHandler,
    ForgotPasswordHandler,
    ResetPasswordHandler,
    ConfirmEmailHandler,
    OneTimeTokenBackfill,
  ],
  exports: SHARED,
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly sessions: PortalSessionStore,
    private readonly credentials: CredentialStore,
    private readonly tokens: OneTimeTokens,
    private readonly tokenBackfill: OneTimeTokenBackfill,
  ) {}

  /**
   * The operational collections this module writes (idempotent; the projector never creates them),
   * and the token events the token index has not seen (all of them, once, on a new read store).
   */
  async onModuleInit(): Promise<void> {
    await this.sessions.ensureCollection();
    await this.credentials.ensureCollection();
    await this.tokens.ensureCollection();
    await this.tokenBackfill.run();
  }
}
