import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { decideAssignRoleToPortal, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import { LiveRoles } from '../../portal-roles/live-roles';
import { AssignPortalRoleCommand } from './assign-portal-role.command';

/** RoleAssigned { target: 'portal' }; assigning a role the portal has is a no-op. */
@CommandHandler(AssignPortalRoleCommand)
export class AssignPortalRoleHandler implements ICommandHandler<AssignPortalRoleCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly roles: LiveRoles,
  ) {}

  async execute({ portalId, roleId, ctx }: AssignPortalRoleCommand): Promise<void> {
    await this.commands.handle(
      {
        stream: portalStream(portalId),
        evolve: evolvePortal,
        initialState: initialPortalState,
        decide: async (state) => {
          const events = decideAssignRoleToPortal({ portalId, roleId }, state);
          if (events.length > 0) await this.roles.assertLive([roleId], '/roleId');
          return events;
        },
      },
      ctx,
    );
  }
}
