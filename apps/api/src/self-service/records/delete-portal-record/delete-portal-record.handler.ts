import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideDeleteRecordAsPortalUser, recordStream } from '@portal/domain';
import { RecordStreamWriter } from '../../../records/record-stream-writer';
import { PortalCaller, userAccess } from '../../portal-caller';
import { DeletePortalRecordCommand } from './delete-portal-record.command';

@CommandHandler(DeletePortalRecordCommand)
export class DeletePortalRecordHandler implements ICommandHandler<DeletePortalRecordCommand, void> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ access, entityType, id, ifMatch, ctx }: DeletePortalRecordCommand): Promise<void> {
    const def = await this.caller.shownType(access, entityType);
    await this.writer.change(recordStream(entityType, id), ifMatch, ctx, (state) =>
      decideDeleteRecordAsPortalUser(
        { type: 'DeleteRecordAsPortalUser', entityType },
        state,
        def,
        userAccess(access),
      ),
    );
  }
}
