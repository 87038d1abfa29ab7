import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideCreateRecordAsPortalUser, initialRecordState, recordStream } from '@portal/domain';
import type { RecordDoc } from '@portal/read-models';
import { AggregateRepository } from '../../../commands/aggregate-repository';
import { asStreamEvents, recordDocFromEvents } from '../../../records/record-document';
import { PortalCaller, userAccess } from '../../portal-caller';
import { CreatePortalRecordCommand } from './create-portal-record.command';

/**
 * The domain decides everything: create level and tab list (403), fields the user may not set
 * (403 with paths), links only to the user's own contact and accounts, and for a case the user's
 * contact/account, status New and the portal's default assignee.
 */
@CommandHandler(CreatePortalRecordCommand)
export class CreatePortalRecordHandler implements ICommandHandler<CreatePortalRecordCommand, RecordDoc> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly repo: AggregateRepository,
  ) {}

  async execute({ access, entityType, fields, ctx }: CreatePortalRecordCommand): Promise<RecordDoc> {
    const def = await this.caller.definition(entityType);
    const recordId = randomUUID();
    const events = decideCreateRecordAsPortalUser(
      {
        type: 'CreateRecordAsPortalUser',
        recordId,
        entityType,
        fields,
        defaultCaseAssigneeId: access.portal.defaultCaseAssigneeId,
      },
      initialRecordState,
      def,
      userAccess(access),
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
