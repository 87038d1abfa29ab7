import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideCreateRecord, initialRecordState, recordStream } from '@portal/domain';
import type { RecordDoc } from '@portal/read-models';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { recordDocFromEvents } from '../record-document';
import { RecordStreamWriter } from '../record-stream-writer';
import { CreateRecordCommand } from './create-record.command';

/** A new id, a new stream: nothing to load, the stream must not exist. */
@CommandHandler(CreateRecordCommand)
export class CreateRecordHandler implements ICommandHandler<CreateRecordCommand, RecordDoc> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ entityType, fields, ctx }: CreateRecordCommand): Promise<RecordDoc> {
    const def = await this.definitions.require(entityType);
    const recordId = randomUUID();
    const created = await this.writer.create(recordStream(entityType, recordId), ctx, () =>
      decideCreateRecord({ type: 'CreateRecord', recordId, entityType, fields }, initialRecordState, def),
    );
    const doc = recordDocFromEvents(created, def);
    if (!doc) throw new Error('A created record must fold into a document');
    return doc;
  }
}
