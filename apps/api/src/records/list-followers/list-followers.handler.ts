import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { liveRecordOr404 } from '../live-record';
import { RecordDocuments } from '../record-documents';
import { RecordFollowerDocuments } from '../record-follower-documents';
import { ListFollowersQuery } from './list-followers.query';
import type { RecordFollowerView } from './record-follower-view';

@QueryHandler(ListFollowersQuery)
export class ListFollowersHandler implements IQueryHandler<ListFollowersQuery> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly records: RecordDocuments,
    private readonly followers: RecordFollowerDocuments,
  ) {}

  async execute({
    entityType,
    id,
  }: ListFollowersQuery): Promise<{ items: RecordFollowerView[]; total: number }> {
    await this.definitions.require(entityType);
    const record = liveRecordOr404(await this.records.get(entityType, id));
    const items = (await this.followers.followers(record)).map(({ user, chosen }) => ({
      portalUserId: user.id,
      name: user.name,
      email: user.email,
      chosen,
    }));
    return { items, total: items.length };
  }
}
