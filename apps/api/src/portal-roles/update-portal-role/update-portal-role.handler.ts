import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideUpdatePortalRole,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
} from '@portal/domain';
import { UpdatePortalRoleCommand } from './update-portal-role.command';

@CommandHandler(UpdatePortalRoleCommand)
export class UpdatePortalRoleHandler implements ICommandHandler<UpdatePortalRoleCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ roleId, body, ifMatch, ctx }: UpdatePortalRoleCommand) {
    const { nextRevision } = await this.commands.handle(
      {
        stream: portalRoleStream(roleId),
        evolve: evolvePortalRole,
        initialState: initialPortalRoleState,
        decide: (state) => decideUpdatePortalRole({ roleId, ...body }, state),
        ifMatch,
      },
      ctx,
    );
    return { id: roleId, revision: nextRevision };
  }
}
