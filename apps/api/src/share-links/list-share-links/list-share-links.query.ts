import { Query } from '@nestjs/cqrs';
import type { RecordFilter } from '@portal/acl';
import type { ListQuery } from '../../http/list-query';
import type { ShareLinkView } from '../share-link.schemas';

export interface ShareLinkList {
  items: ShareLinkView[];
  total: number;
  page: number;
  perPage: number;
}

/** A page of links matching `filter` (who may see which links is the caller's part of the filter). */
export class ListShareLinksQuery extends Query<ShareLinkList> {
  constructor(
    readonly filter: RecordFilter,
    readonly list: ListQuery,
  ) {
    super();
  }
}
