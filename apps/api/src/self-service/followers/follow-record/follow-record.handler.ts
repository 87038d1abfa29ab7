import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideFollowRecordAsPortalUser,
  evolveRecord,
  evolveRecordFollowers,
  initialRecordFollowersState,
  initialRecordState,
  recordFollowersStream,
  recordStream,
} from '@portal/domain';
import { PortalCaller, userAccess } from '../../portal-caller';
import type { Following } from '../following-view';
import { FollowRecordCommand } from './follow-record.command';

/**
 * Judged on the record's own stream (readable, stream level), appended on the record's followers
 * stream: following never moves the record's revision.
 */
@CommandHandler(FollowRecordCommand)
export class FollowRecordHandler implements ICommandHandler<FollowRecordCommand, Following> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly commands: StreamCommands,
  ) {}

  async execute({ access, entityType, id, follow, ctx }: FollowRecordCommand): Promise<Following> {
    const def = await this.caller.shownType(access, entityType);
    const { state: record } = await this.commands.read(recordStream(entityType, id), {
      evolve: evolveRecord,
      initialState: initialRecordState,
    });
    await this.commands.handle(
      {
        stream: recordFollowersStream(entityType, id),
        evolve: evolveRecordFollowers,
        initialState: initialRecordFollowersState,
        decide: (followers) =>
          decideFollowRecordAsPortalUser(
            { type: 'FollowRecordAsPortalUser', entityType, follow },
            followers,
            record,
            def,
            userAccess(access),
          ),
      },
      ctx,
    );
    return { following: follow };
  }
}
