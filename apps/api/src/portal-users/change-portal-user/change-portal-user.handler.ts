import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { decidePortalUser, evolvePortalUser, initialPortalUserState, portalUserStream } from '@portal/domain';
import { ChangePortalUserCommand } from './change-portal-user.command';

/** Load, decide, append at the revision read: the path of every single-stream portal-user change. */
@CommandHandler(ChangePortalUserCommand)
export class ChangePortalUserHandler implements ICommandHandler<ChangePortalUserCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ portalUserId, command, ctx }: ChangePortalUserCommand): Promise<void> {
    await this.commands.handle(
      {
        stream: portalUserStream(portalUserId),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        decide: (state) => decidePortalUser(command, state),
      },
      ctx,
    );
  }
}
