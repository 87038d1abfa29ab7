import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideUpdateRecordAsPortalUser, recordStream } from '@portal/domain';
import type { RecordDoc } from '@portal/read-models';
import { recordDocFromEvents } from '../../../records/record-document';
import { RecordStreamWriter } from '../../../records/record-stream-writer';
import { PortalCaller, userAccess } from '../../portal-caller';
import { UpdatePortalRecordCommand } from './update-portal-record.command';

/**
 * The record is loaded from its stream and judged by the decider before anything is written:
 * not readable → 404, readable but not editable → 403, a field the user may not set → 403, then
 * If-Match → 412.
 */
@CommandHandler(UpdatePortalRecordCommand)
export class UpdatePortalRecordHandler implements ICommandHandler<UpdatePortalRecordCommand, RecordDoc> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute(command: UpdatePortalRecordCommand): Promise<RecordDoc> {
    const { access, entityType, id, fields, ifMatch, ctx } = command;
    const def = await this.caller.shownType(access, entityType);
    const { before, appended } = await this.writer.change(
      recordStream(entityType, id),
      ifMatch,
      ctx,
      (state) =>
        decideUpdateRecordAsPortalUser(
          { type: 'UpdateRecordAsPortalUser', entityType, fields },
          state,
          def,
          userAccess(access),
        ),
    );
    const doc = recordDocFromEvents([...before, ...appended], def);
    if (!doc) throw new Error('An updated record must fold into a document');
    return doc;
  }
}
