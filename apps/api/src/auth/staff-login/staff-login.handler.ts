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
import { CredentialStore } from '../passwords/credential-store';
import { ReservationOwners } from '../state/reservation-owners';
import { StaffUserStates } from '../state/staff-user-states';
import { signStaffToken, type IssuedToken } from '../tokens/access-token';
import { StaffLoginCommand } from './staff-login.command';

/**
 * Finds the user through the email reservation and folds their stream (no projection involved),
 * checks the password against the credential store, and records the attempt either way.
 */
@CommandHandler(StaffLoginCommand)
export class StaffLoginHandler implements ICommandHandler<StaffLoginCommand> {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly reservations: ReservationOwners,
    private readonly staffUsers: StaffUserStates,
    private readonly credentials: CredentialStore,
    private readonly commands: StreamCommands,
  ) {}

  async execute({ email, password, client, ctx }: StaffLoginCommand): Promise<IssuedToken | null> {
    const staffUserId = await this.reservations.ownerOf('staffUserEmail', email);
    const state = staffUserId === null ? null : await this.staffUsers.current(staffUserId);
    if (staffUserId === null || state === null || !state.exists) {
      // Unknown emails have no stream to record the attempt in; the time spent matches a real check.
      await this.credentials.verifyNothing(password);
      return null;
    }
    const passwordMatches = await this.credentials.verify({ kind: 'staff', id: staffUserId }, password);
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
