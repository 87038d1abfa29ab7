import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideCreateRecord, initialRecordState, recordStream } from '@portal/domain';
import type { RecordDoc } from '@portal/read-models';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { asStreamEvents, recordDocFromEvents } from '../record-document';
import { CreateRecordCommand } from './create-record.command';

/** A new id, a new stream: nothing to load, the stream must not exist. */
@CommandHandler(CreateRecordCommand)
export class CreateRecordHandler implements ICommandHandler<CreateRecordCommand, RecordDoc> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly repo: AggregateRepository,
  ) {}

  async execute({ entityType, fields, ctx }: CreateRecordCommand): Promise<RecordDoc> {
    const def = await this.definitions.require(entityType);
    const recordId = randomUUID();
    const events = decideCreateRecord(
      { type: 'CreateRecord', recordId, entityType, fields },
      initialRecordState,
      def,
    );
    await this.repo.append(recordStream(entityType, recordId), events, 'no-stream', ctx);
    const doc = recordDocFromEvents(
      asStreamEvents(events, 'no-stream', { actor: ctx.actor, timestamp: ctx.now }),
      def,
    );
    if (!doc) throw new Error('A created record must fold into a document');
    return doc;
  }
}
