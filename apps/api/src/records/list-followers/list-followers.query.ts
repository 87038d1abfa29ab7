import { Query } from '@nestjs/cqrs';
import type { RecordFollowerView } from './record-follower-view';

/** Staff: who follows one record. */
export class ListFollowersQuery extends Query<{ items: RecordFollowerView[]; total: number }> {
  constructor(
    readonly entityType: string,
    readonly id: string,
  ) {
    super();
  }
}
