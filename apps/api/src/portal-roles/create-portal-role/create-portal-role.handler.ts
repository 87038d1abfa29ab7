import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideCreatePortalRole,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
} from '@portal/domain';
import { CreatePortalRoleCommand } from './create-portal-role.command';

@CommandHandler(CreatePortalRoleCommand)
export class CreatePortalRoleHandler implements ICommandHandler<CreatePortalRoleCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ body, ctx }: CreatePortalRoleCommand): Promise<{ id: string }> {
    const roleId = randomUUID();
    await this.commands.handle(
      {
        stream: portalRoleStream(roleId),
        evolve: evolvePortalRole,
        initialState: initialPortalRoleState,
        decide: (state) => decideCreatePortalRole({ roleId, ...body }, state),
      },
      ctx,
    );
    return { id: roleId };
  }
}
