import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { canStream } from '@portal/acl';
import { isFollowing } from '@portal/domain';
import { ProblemException } from '../../../http/problem';
import { RecordDocuments } from '../../../records/record-documents';
import { RecordFollowerDocuments } from '../../../records/record-follower-documents';
import { PortalCaller } from '../../portal-caller';
import { readableOr404 } from '../../records/readable-record';
import type { Following } from '../following-view';
import { GetFollowingQuery } from './get-following.query';

/** 404 when the record is not readable, 403 when the stream level does not reach it (as its comments). */
@QueryHandler(GetFollowingQuery)
export class GetFollowingHandler implements IQueryHandler<GetFollowingQuery, Following> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly records: RecordDocuments,
    private readonly followers: RecordFollowerDocuments,
  ) {}

  async execute({ access, entityType, id }: GetFollowingQuery): Promise<Following> {
    await this.caller.shownType(access, entityType);
    const record = readableOr404(await this.records.get(entityType, id), access);
    if (!canStream(access.ctx, access.perms, access.user, record)) {
      throw ProblemException.of(403, 'record_stream_forbidden', "You may not follow this record's stream.");
    }
    const choices = await this.followers.choices(record.id);
    return {
      following: isFollowing(choices, record, {
        id: access.user.portalUserId,
        contactId: access.user.contactId,
      }),
    };
  }
}
