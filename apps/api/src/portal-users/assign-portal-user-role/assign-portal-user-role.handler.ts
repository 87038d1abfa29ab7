import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LiveRoles } from '../../portal-roles/live-roles';
import { ChangePortalUserCommand } from '../change-portal-user/change-portal-user.command';
import { AssignPortalUserRoleCommand } from './assign-portal-user-role.command';

/** RoleAssigned { target: 'portalUser' } for a role that exists and is not deleted. */
@CommandHandler(AssignPortalUserRoleCommand)
export class AssignPortalUserRoleHandler implements ICommandHandler<AssignPortalUserRoleCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly roles: LiveRoles,
  ) {}

  async execute({ portalUserId, roleId, ctx }: AssignPortalUserRoleCommand): Promise<void> {
    await this.roles.assertLive([roleId], '/roleId');
    await this.commands.execute(
      new ChangePortalUserCommand(portalUserId, { type: 'AssignPortalUserRole', roleId }, ctx),
    );
  }
}
