import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideDeletePortalRole,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
  type PortalRoleEvent,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { DeletePortalRoleCommand } from './delete-portal-role.command';

/** A deleted role grants nothing wherever it is still assigned (toRoleDefinition is null). */
@CommandHandler(DeletePortalRoleCommand)
export class DeletePortalRoleHandler implements ICommandHandler<DeletePortalRoleCommand> {
  constructor(private readonly repo: AggregateRepository) {}

  async execute({ roleId, ctx }: DeletePortalRoleCommand): Promise<void> {
    const stream = portalRoleStream(roleId);
    const { state, revision } = await this.repo.load<typeof initialPortalRoleState, PortalRoleEvent>(
      stream,
      evolvePortalRole,
      initialPortalRoleState,
    );
    await this.repo.append(stream, decideDeletePortalRole({ roleId }, state), revision, ctx);
  }
}
