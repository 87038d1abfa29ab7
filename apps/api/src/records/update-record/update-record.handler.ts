import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideUpdateRecord, recordStream } from '@portal/domain';
import type { RecordDoc } from '@portal/read-models';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { recordDocFromEvents } from '../record-document';
import { RecordStreamWriter } from '../record-stream-writer';
import { UpdateRecordCommand } from './update-record.command';

@CommandHandler(UpdateRecordCommand)
export class UpdateRecordHandler implements ICommandHandler<UpdateRecordCommand, RecordDoc> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ entityType, id, fields, ifMatch, ctx }: UpdateRecordCommand): Promise<RecordDoc> {
    const def = await this.definitions.require(entityType);
    const { before, appended } = await this.writer.change(
      recordStream(entityType, id),
      ifMatch,
      ctx,
      (state) => decideUpdateRecord({ type: 'UpdateRecord', entityType, fields }, state, def),
    );
    const doc = recordDocFromEvents([...before, ...appended], def);
    if (!doc) throw new Error('An updated record must fold into a document');
    return doc;
  }
}
