import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  SYSTEM_ACTOR,
  decideLogInStaffUser,
  evolveStaffUser,
  initialStaffUserState,
  staffUserStream,
} from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { actingAs } from '../client/acting-context';
import { EmailAttempts } from '../email-attempts/email-attempts';
import { CredentialStore } from '../passwords/credential-store';
import { NO_ACCOUNT_ID } from '../state/no-account';
import { ReservationOwners } from '../state/reservation-owners';
import { StaffUserStates } from '../state/staff-user-states';
import { signStaffToken, type IssuedToken } from '../tokens/access-token';
import { StaffLoginCommand } from './staff-login.command';

/**
 * Finds the user through the email reservation and folds their stream (no projection involved),
 * checks the password against the credential store, and records the attempt either way. An
 * unknown email takes the same path and work (see PortalLoginHandler for why): its attempt goes to
 * the email digest's stream.
 */
@CommandHandler(StaffLoginCommand)
export class StaffLoginHandler implements ICommandHandler<StaffLoginCommand> {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly reservations: ReservationOwners,
    private readonly staffUsers: StaffUserStates,
    private readonly credentials: CredentialStore,
    private readonly commands: StreamCommands,
    private readonly attempts: EmailAttempts,
  ) {}

  async execute({ email, password, client, ctx }: StaffLoginCommand): Promise<IssuedToken | null> {
    const staffUserId = (await this.reservations.ownerOf('staffUserEmail', email)) ?? NO_ACCOUNT_ID;
    const state = await this.staffUsers.current(staffUserId);
    const passwordMatches = await this.credentials.verify({ kind: 'staff', id: staffUserId }, password);
    if (!state.exists) {
      await this.attempts.loginFailed(email, 'staff', null, ctx);
      return null;
    }
    const events = decideLogInStaffUser(
      { staffUserId, passwordMatches, ip: client.ip, userAgent: client.userAgent },
      state,
    );
    const loggedIn = events.some((e) => e.type === 'StaffUserLoggedIn');
    const actor = loggedIn
      ? { type: 'staff' as const, id: staffUserId, name: state.name ?? '' }
      : SYSTEM_ACTOR;
    const acting = actingAs(ctx, actor);
    await this.commands.handle(
      {
        stream: staffUserStream(staffUserId),
        evolve: evolveStaffUser,
        initialState: initialStaffUserState,
        given: { state },
        expected: 'any',
        decide: () => events,
      },
      acting.ctx,
    );
    acting.report();
    return loggedIn ? signStaffToken(this.config.jwtSecret, staffUserId, new Date(ctx.now)) : null;
  }
}
