import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { CreateStaffUserBody } from '../staff-user.schemas';

/** `staffUserId` given: the bootstrap admin's id is derived from its email, so every start agrees on it. */
export class CreateStaffUserCommand extends Command<{ id: string }> {
  constructor(
    readonly body: CreateStaffUserBody,
    readonly ctx: CommandContext,
    readonly staffUserId?: string,
  ) {
    super();
  }
}
