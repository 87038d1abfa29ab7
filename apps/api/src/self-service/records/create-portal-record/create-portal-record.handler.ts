import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideCreateRecordAsPortalUser, initialRecordState, recordStream } from '@portal/domain';
import type { RecordDoc } from '@portal/read-models';
import { recordDocFromEvents } from '../../../records/record-document';
import { RecordStreamWriter } from '../../../records/record-stream-writer';
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
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ access, entityType, fields, ctx }: CreatePortalRecordCommand): Promise<RecordDoc> {
    const def = await this.caller.definition(entityType);
    const recordId = randomUUID();
    const created = await this.writer.create(recordStream(entityType, recordId), ctx, () =>
      decideCreateRecordAsPortalUser(
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
      ),
    );
    const doc = recordDocFromEvents(created, def);
    if (!doc) throw new Error('A created record must fold into a document');
    return doc;
  }
}
