import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { decideUnassignRoleFromPortal, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import { UnassignPortalRoleCommand } from './unassign-portal-role.command';

/** RoleUnassigned { target: 'portal' }; a role the portal does not have is a no-op. */
@CommandHandler(UnassignPortalRoleCommand)
export class UnassignPortalRoleHandler implements ICommandHandler<UnassignPortalRoleCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ portalId, roleId, ctx }: UnassignPortalRoleCommand): Promise<void> {
    await this.commands.handle(
      {
        stream: portalStream(portalId),
        evolve: evolvePortal,
        initialState: initialPortalState,
        decide: (state) => decideUnassignRoleFromPortal({ portalId, roleId }, state),
      },
      ctx,
    );
  }
}
