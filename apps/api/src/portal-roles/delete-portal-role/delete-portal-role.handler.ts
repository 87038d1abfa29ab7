import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideDeletePortalRole,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
} from '@portal/domain';
import { DeletePortalRoleCommand } from './delete-portal-role.command';

/** A deleted role grants nothing wherever it is still assigned (toRoleDefinition is null). */
@CommandHandler(DeletePortalRoleCommand)
export class DeletePortalRoleHandler implements ICommandHandler<DeletePortalRoleCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ roleId, ctx }: DeletePortalRoleCommand): Promise<void> {
    await this.commands.handle(
      {
        stream: portalRoleStream(roleId),
        evolve: evolvePortalRole,
        initialState: initialPortalRoleState,
        decide: (state) => decideDeletePortalRole({ roleId }, state),
      },
      ctx,
    );
  }
}
