import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideCreateStaffUser,
  decideReserveUniqueValue,
  decideSetStaffUserPassword,
  evolveReservation,
  evolveStaffUser,
  initialReservationState,
  initialStaffUserState,
  reservationStream,
  staffUserStream,
  type ReservationEvent,
  type ReservationState,
  type StaffUserEvent,
  type StaffUserState,
} from '@portal/domain';
import { WrongExpectedRevision } from '@portal/event-store';
import { AggregateRepository } from '../../commands/aggregate-repository';
import type { CommandContext } from '../../commands/command-context';
import { CredentialStore } from '../../auth/passwords/credential-store';
import { CreateStaffUserCommand } from './create-staff-user.command';

/**
 * Reserves the email (`unique-staffUserEmail-<email>`, 409 email_taken when held by another),
 * stores the password hash, then appends StaffUserCreated + StaffUserPasswordSet. Every step is
 * safe to repeat for the same id, so two bootstraps racing (or a retry) end with one admin.
 */
@CommandHandler(CreateStaffUserCommand)
export class CreateStaffUserHandler implements ICommandHandler<CreateStaffUserCommand> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly credentials: CredentialStore,
  ) {}

  async execute({ body, ctx, staffUserId = randomUUID() }: CreateStaffUserCommand): Promise<{ id: string }> {
    const { email, name, role, password } = body;
    // Decided first against an empty state: an invalid user must not leave its email reserved.
    const created = decideCreateStaffUser({ staffUserId, email, name, role }, initialStaffUserState);
    await this.reserveEmail(email, staffUserId, ctx);
    await this.credentials.setPassword({ kind: 'staff', id: staffUserId }, password, new Date(ctx.now));
    await this.appendCreation(staffUserId, created, ctx);
    return { id: staffUserId };
  }

  private async reserveEmail(email: string, ownerId: string, ctx: CommandContext): Promise<void> {
    const stream = reservationStream('staffUserEmail', email);
    for (let attempt = 0; ; attempt++) {
      const { state, revision } = await this.repo.load<ReservationState, ReservationEvent>(
        stream,
        evolveReservation,
        initialReservationState,
      );
      const events = decideReserveUniqueValue({ kind: 'staffUserEmail', value: email, ownerId }, state);
      try {
        await this.repo.append(stream, events, revision, ctx);
        return;
      } catch (error) {
        // Someone else wrote meanwhile: read again, the decider then says who holds it.
        if (!(error instanceof WrongExpectedRevision) || attempt >= 2) throw error;
      }
    }
  }

  private async appendCreation(
    staffUserId: string,
    created: StaffUserEvent[],
    ctx: CommandContext,
  ): Promise<void> {
    const stream = staffUserStream(staffUserId);
    const { state, revision } = await this.repo.load<StaffUserState, StaffUserEvent>(
      stream,
      evolveStaffUser,
      initialStaffUserState,
    );
    if (state.exists) return; // the same user, created by a racing bootstrap or an earlier try
    const afterCreate = created.reduce(evolveStaffUser, state);
    const events = [...created, ...decideSetStaffUserPassword({ staffUserId }, afterCreate)];
    try {
      await this.repo.append(stream, events, revision, ctx);
    } catch (error) {
      const again = await this.repo.load(stream, evolveStaffUser, initialStaffUserState);
      if (!(error instanceof WrongExpectedRevision) || !again.state.exists) throw error;
    }
  }
}
