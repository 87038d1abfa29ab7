import { Inject, Injectable } from '@nestjs/common';
import type { RecordFilter } from '@portal/acl';
import {
  OPERATIONAL,
  READ_MODELS,
  ReadModelNames,
  type ShareLinkDoc,
  type ShareLinkViewsDoc,
} from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import type { ListQuery } from '../http/list-query';
import { listAnswer } from '../http/list-query';
import { READ_STORE } from '../infrastructure/tokens';
import type { ShareLinkView } from './share-link.schemas';

type Doc<T> = T & Record<string, unknown>;

const NO_VIEWS = { views: 0, firstViewAt: null, lastViewAt: null };

/** The share_links read model and the views counted beside it (operational: views are not events). */
@Injectable()
export class ShareLinkDocuments {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async ensureCollections(): Promise<void> {
    await this.store.ensureCollection(OPERATIONAL.shareLinkViews);
  }

  /** One indexed read, whether or not any link has this hash. */
  async byTokenHash(tokenHash: string): Promise<ShareLinkDoc | null> {
    const { items } = await this.store.find<Doc<ShareLinkDoc>>(
      await this.names.collection(READ_MODELS.shareLinks),
      {
        filter: { kind: 'eq', path: 'tokenHash', value: tokenHash },
        limit: 1,
      },
    );
    return items[0] ?? null;
  }

  /** A page of links (newest first unless asked otherwise), each with its view counts. */
  async list(filter: RecordFilter, list: ListQuery, now: Date) {
    const { items, total } = await this.store.find<Doc<ShareLinkDoc>>(
      await this.names.collection(READ_MODELS.shareLinks),
      { filter, sort: list.sort, offset: list.offset, limit: list.limit },
    );
    const counts =
      items.length === 0
        ? []
        : (
            await this.store.find<Doc<ShareLinkViewsDoc>>(OPERATIONAL.shareLinkViews, {
              filter: { kind: 'in', path: 'id', values: items.map((link) => link.id) },
              limit: items.length,
            })
          ).items;
    const byId = new Map(counts.map((count) => [count.id, count]));
    return listAnswer(
      items.map((link) => shareLinkView(link, byId.get(link.id), now)),
      total,
      list,
    );
  }

  /**
   * Counts one view. Read and written in one transaction; two views at the very same moment may
   * count once (no event, no lock: the first view is the ShareLinkFirstOpened event, which is exact).
   */
  async countView(linkId: string, at: string): Promise<void> {
    await this.store.write(async (tx) => {
      const current = await tx.get<Doc<ShareLinkViewsDoc>>(OPERATIONAL.shareLinkViews, linkId);
      const next: Doc<ShareLinkViewsDoc> = {
        id: linkId,
        views: (current?.views ?? 0) + 1,
        firstViewAt: current?.firstViewAt ?? at,
        lastViewAt: at,
      };
      await tx.put(OPERATIONAL.shareLinkViews, next);
    });
  }
}

export function shareLinkStatus(link: Pick<ShareLinkDoc, 'revoked' | 'expiresAt'>, now: Date) {
  if (link.revoked) return 'revoked' as const;
  return now.getTime() >= Date.parse(link.expiresAt) ? ('expired' as const) : ('active' as const);
}

/** A link as its creator and staff see it: never its token or the token's hash. */
export function shareLinkView(
  link: ShareLinkDoc,
  views: ShareLinkViewsDoc | undefined,
  now: Date,
): ShareLinkView {
  const counted = views ?? NO_VIEWS;
  return {
    id: link.id,
    entityType: link.entityType,
    recordId: link.recordId,
    createdAt: link.createdAt,
    createdBy: link.createdBy,
    expiresAt: link.expiresAt,
    includeComments: link.includeComments,
    includeAttachments: link.includeAttachments,
    note: link.note,
    status: shareLinkStatus(link, now),
    views: counted.views,
    firstViewAt: counted.firstViewAt,
    lastViewAt: counted.lastViewAt,
  };
}
