import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { UpdatePortalRoleBody } from '../portal-role.schemas';

export class UpdatePortalRoleCommand extends Command<{ id: string; revision: number | 'no-stream' }> {
  constructor(
    readonly roleId: string,
    readonly body: UpdatePortalRoleBody,
    readonly ifMatch: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
