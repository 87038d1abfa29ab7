import { Inject, Injectable } from '@nestjs/common';
import {
  READ_MODELS,
  ReadModelNames,
  followerCandidateFilter,
  followersAmong,
  type PortalUserDoc,
  type RecordDoc,
  type RecordFollowersDoc,
} from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../infrastructure/tokens';

const PAGE = 500;

/** Who follows a record, from the record_followers and portal_users read models. */
@Injectable()
export class RecordFollowerDocuments {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /** The explicit choices made on the record (user id → follows). */
  async choices(recordId: string): Promise<Record<string, boolean>> {
    const doc = (await this.store.get(
      await this.names.collection(READ_MODELS.recordFollowers),
      recordId,
    )) as RecordFollowersDoc | null;
    return doc?.choices ?? {};
  }

  /** The portal users who follow the record now, by id, with whether by their own choice. */
  async followers(record: RecordDoc): Promise<{ user: PortalUserDoc; chosen: boolean }[]> {
    const choices = await this.choices(record.id);
    const filter = followerCandidateFilter(record, choices);
    if (!filter) return [];
    const collection = await this.names.collection(READ_MODELS.portalUsers);
    const users: PortalUserDoc[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.store.find(collection, {
        filter,
        sort: [{ path: 'id', direction: 'asc' }],
        offset,
        limit: PAGE,
      });
      users.push(...(page.items as unknown as PortalUserDoc[]));
      if (page.items.length < PAGE) break;
    }
    return followersAmong(users, record, choices).map((user) => ({
      user,
      chosen: choices[user.id] === true,
    }));
  }
}
