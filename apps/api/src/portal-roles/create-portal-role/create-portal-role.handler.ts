import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideCreatePortalRole,
  evolvePortalRole,
  initialPortalRoleState,
  portalRoleStream,
  type PortalRoleEvent,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { CreatePortalRoleCommand } from './create-portal-role.command';

@CommandHandler(CreatePortalRoleCommand)
export class CreatePortalRoleHandler implements ICommandHandler<CreatePortalRoleCommand> {
  constructor(private readonly repo: AggregateRepository) {}

  async execute({ body, ctx }: CreatePortalRoleCommand): Promise<{ id: string }> {
    const roleId = randomUUID();
    const stream = portalRoleStream(roleId);
    const { state, revision } = await this.repo.load<typeof initialPortalRoleState, PortalRoleEvent>(
      stream,
      evolvePortalRole,
      initialPortalRoleState,
    );
    const events = decideCreatePortalRole({ roleId, ...body }, state);
    await this.repo.append(stream, events, revision, ctx);
    return { id: roleId };
  }
}
