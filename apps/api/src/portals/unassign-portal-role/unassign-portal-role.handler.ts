import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideUnassignRoleFromPortal,
  evolvePortal,
  initialPortalState,
  portalStream,
  type PortalEvent,
  type PortalState,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { UnassignPortalRoleCommand } from './unassign-portal-role.command';

/** RoleUnassigned { target: 'portal' }; a role the portal does not have is a no-op. */
@CommandHandler(UnassignPortalRoleCommand)
export class UnassignPortalRoleHandler implements ICommandHandler<UnassignPortalRoleCommand> {
  constructor(private readonly repo: AggregateRepository) {}

  async execute({ portalId, roleId, ctx }: UnassignPortalRoleCommand): Promise<void> {
    const stream = portalStream(portalId);
    const { state, revision } = await this.repo.load<PortalState, PortalEvent>(
      stream,
      evolvePortal,
      initialPortalState,
    );
    await this.repo.append(stream, decideUnassignRoleFromPortal({ portalId, roleId }, state), revision, ctx);
  }
}
