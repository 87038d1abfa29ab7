import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decidePortalUser,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { ChangePortalUserCommand } from './change-portal-user.command';

/** Load, decide, append at the revision read: the path of every single-stream portal-user change. */
@CommandHandler(ChangePortalUserCommand)
export class ChangePortalUserHandler implements ICommandHandler<ChangePortalUserCommand> {
  constructor(private readonly repo: AggregateRepository) {}

  async execute({ portalUserId, command, ctx }: ChangePortalUserCommand): Promise<void> {
    const stream = portalUserStream(portalUserId);
    const { state, revision } = await this.repo.load<PortalUserState, PortalUserEvent>(
      stream,
      evolvePortalUser,
      initialPortalUserState,
    );
    await this.repo.append(stream, decidePortalUser(command, state), revision, ctx);
  }
}
