import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideAssignRoleToPortal,
  evolvePortal,
  initialPortalState,
  portalStream,
  type PortalEvent,
  type PortalState,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { LiveRoles } from '../../portal-roles/live-roles';
import { AssignPortalRoleCommand } from './assign-portal-role.command';

/** RoleAssigned { target: 'portal' }; assigning a role the portal has is a no-op. */
@CommandHandler(AssignPortalRoleCommand)
export class AssignPortalRoleHandler implements ICommandHandler<AssignPortalRoleCommand> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly roles: LiveRoles,
  ) {}

  async execute({ portalId, roleId, ctx }: AssignPortalRoleCommand): Promise<void> {
    const stream = portalStream(portalId);
    const { state, revision } = await this.repo.load<PortalState, PortalEvent>(
      stream,
      evolvePortal,
      initialPortalState,
    );
    const events = decideAssignRoleToPortal({ portalId, roleId }, state);
    if (events.length > 0) await this.roles.assertLive([roleId], '/roleId');
    await this.repo.append(stream, events, revision, ctx);
  }
}
