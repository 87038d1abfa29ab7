import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and } from '@portal/acl';
import { ShareLinkDocuments } from '../share-link-documents';
import { ListShareLinksQuery, type ShareLinkList } from './list-share-links.query';

@QueryHandler(ListShareLinksQuery)
export class ListShareLinksHandler implements IQueryHandler<ListShareLinksQuery, ShareLinkList> {
  constructor(private readonly links: ShareLinkDocuments) {}

  execute({ filter, list }: ListShareLinksQuery): Promise<ShareLinkList> {
    return this.links.list(and(filter, list.filter), list, new Date());
  }
}
