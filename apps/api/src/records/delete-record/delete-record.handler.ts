import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideDeleteRecord, recordStream } from '@portal/domain';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { RecordStreamWriter } from '../record-stream-writer';
import { DeleteRecordCommand } from './delete-record.command';

@CommandHandler(DeleteRecordCommand)
export class DeleteRecordHandler implements ICommandHandler<DeleteRecordCommand, void> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ entityType, id, ifMatch, ctx }: DeleteRecordCommand): Promise<void> {
    await this.definitions.require(entityType);
    await this.writer.change(recordStream(entityType, id), ifMatch, ctx, (state) =>
      decideDeleteRecord({ type: 'DeleteRecord', entityType }, state),
    );
  }
}
