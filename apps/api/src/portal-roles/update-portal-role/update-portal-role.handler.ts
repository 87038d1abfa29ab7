import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideUpdatePortalRole,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
  type PortalRoleEvent,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { appendIfMatch } from '../../portals/append-if-match';
import { UpdatePortalRoleCommand } from './update-portal-role.command';

@CommandHandler(UpdatePortalRoleCommand)
export class UpdatePortalRoleHandler implements ICommandHandler<UpdatePortalRoleCommand> {
  constructor(private readonly repo: AggregateRepository) {}

  async execute({ roleId, body, ifMatch, ctx }: UpdatePortalRoleCommand) {
    const stream = portalRoleStream(roleId);
    const { state, revision } = await this.repo.load<typeof initialPortalRoleState, PortalRoleEvent>(
      stream,
      evolvePortalRole,
      initialPortalRoleState,
    );
    const events = decideUpdatePortalRole({ roleId, ...body }, state);
    const next = await appendIfMatch(this.repo, stream, events, revision, ifMatch, ctx);
    return { id: roleId, revision: next };
  }
}
