import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { CredentialStore } from '../../auth/passwords/credential-store';
import { UniqueValues } from '../../shared-streams/unique-values';
import { CreateStaffUserCommand } from './create-staff-user.command';
import { createStaffUser, type CreateStaffUserPorts } from './create-staff-user.workflow';

/** POST /v1/staff-users and the bootstrap admin: the workflow in create-staff-user.workflow.ts. */
@CommandHandler(CreateStaffUserCommand)
export class CreateStaffUserHandler implements ICommandHandler<CreateStaffUserCommand> {
  private readonly ports: CreateStaffUserPorts;

  constructor(commands: StreamCommands, uniques: UniqueValues, credentials: CredentialStore) {
    this.ports = { commands, uniques, credentials };
  }

  execute({ body, ctx, staffUserId = randomUUID() }: CreateStaffUserCommand): Promise<{ id: string }> {
    return createStaffUser(this.ports, body, staffUserId, ctx);
  }
}
