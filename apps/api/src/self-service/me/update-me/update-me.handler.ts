import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideUpdatePortalUserProfile,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type ProfileChanges,
} from '@portal/domain';
import { UpdateMeCommand } from './update-me.command';

@CommandHandler(UpdateMeCommand)
export class UpdateMeHandler implements ICommandHandler<UpdateMeCommand, ProfileChanges> {
  constructor(private readonly commands: StreamCommands) {}

  /** Returns what changed. A concurrent write to the user's stream (a login) is not a conflict: decided again. */
  async execute({ portalUserId, changes, ctx }: UpdateMeCommand): Promise<ProfileChanges> {
    const { events } = await this.commands.handle(
      {
        stream: portalUserStream(portalUserId),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        decide: (state) => decideUpdatePortalUserProfile({ type: 'UpdatePortalUserProfile', changes }, state),
      },
      ctx,
    );
    return events[0]?.data.changes ?? {};
  }
}
