import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands, type CommandContext } from '@portal/commands';
import {
  decideCreateStaffUser,
  decideSetStaffUserPassword,
  evolveStaffUser,
  initialStaffUserState,
  staffUserStream,
  type StaffUserEvent,
} from '@portal/domain';
import { CredentialStore } from '../../auth/passwords/credential-store';
import { UniqueValues } from '../../shared-streams/unique-values';
import { CreateStaffUserCommand } from './create-staff-user.command';

/**
 * Reserves the email (`unique-staffUserEmail-<email>`, 409 email_taken when held by another),
 * stores the password hash, then appends StaffUserCreated + StaffUserPasswordSet. Every step is
 * safe to repeat for the same id, so two bootstraps racing (or a retry) end with one admin.
 */
@CommandHandler(CreateStaffUserCommand)
export class CreateStaffUserHandler implements ICommandHandler<CreateStaffUserCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly uniques: UniqueValues,
    private readonly credentials: CredentialStore,
  ) {}

  async execute({ body, ctx, staffUserId = randomUUID() }: CreateStaffUserCommand): Promise<{ id: string }> {
    const { email, name, role, password } = body;
    // Decided first against an empty state: an invalid user must not leave its email reserved.
    const created = decideCreateStaffUser({ staffUserId, email, name, role }, initialStaffUserState);
    await this.uniques.reserve('staffUserEmail', email, staffUserId, ctx);
    await this.credentials.setPassword({ kind: 'staff', id: staffUserId }, password, new Date(ctx.now));
    await this.appendCreation(staffUserId, created, ctx);
    return { id: staffUserId };
  }

  private async appendCreation(
    staffUserId: string,
    created: StaffUserEvent[],
    ctx: CommandContext,
  ): Promise<void> {
    await this.commands.handle(
      {
        stream: staffUserStream(staffUserId),
        evolve: evolveStaffUser,
        initialState: initialStaffUserState,
        decide: (state) => {
          // The same user, created by a racing bootstrap or an earlier try: nothing to add.
          if (state.exists) return [];
          const afterCreate = created.reduce(evolveStaffUser, state);
          return [...created, ...decideSetStaffUserPassword({ staffUserId }, afterCreate)];
        },
      },
      ctx,
    );
  }
}
