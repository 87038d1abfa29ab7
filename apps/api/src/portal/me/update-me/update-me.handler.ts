import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideUpdatePortalUserProfile,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
  type ProfileChanges,
} from '@portal/domain';
import { WrongExpectedRevision } from '@portal/event-store';
import { AggregateRepository } from '../../../commands/aggregate-repository';
import { UpdateMeCommand } from './update-me.command';

const ATTEMPTS = 3;

@CommandHandler(UpdateMeCommand)
export class UpdateMeHandler implements ICommandHandler<UpdateMeCommand, ProfileChanges> {
  constructor(private readonly repo: AggregateRepository) {}

  /** Returns what changed. A concurrent write to the user's stream (a login) is not a conflict: decide again. */
  async execute({ portalUserId, changes, ctx }: UpdateMeCommand): Promise<ProfileChanges> {
    const stream = portalUserStream(portalUserId);
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.repo.load<PortalUserState, PortalUserEvent>(
        stream,
        evolvePortalUser,
        initialPortalUserState,
      );
      const events = decideUpdatePortalUserProfile({ type: 'UpdatePortalUserProfile', changes }, state);
      try {
        await this.repo.append(stream, events, revision, ctx);
      } catch (error) {
        if (error instanceof WrongExpectedRevision && attempt < ATTEMPTS) continue;
        throw error;
      }
      return events[0]?.data.changes ?? {};
    }
  }
}
