import { scopeFilter } from '@portal/acl';
import { portalRecordView } from '../../portal-record-view';
import { listLimit, type Dashlet } from './dashlet';

/** The latest records of a type the user may read (default 5, `options.limit` up to 20), readable fields only. */
export function recentRecords(entityType: string, by: 'createdAt' | 'modifiedAt'): Dashlet {
  return async ({ access, records, options }) => {
    const { ctx, perms, user } = access;
    const found = await records.find({
      filter: scopeFilter(ctx, perms, user, entityType),
      sort: [{ path: by, direction: 'desc' }],
      limit: listLimit(options, 5),
    });
    return { items: found.items.map((doc) => portalRecordView(doc, perms)) };
  };
}

export const recentCases = recentRecords('Case', 'createdAt');

/** Articles are exposed only when published (scopeFilter), so "latest" means latest changed. */
export const recentKnowledgeBaseArticles = recentRecords('KnowledgeBaseArticle', 'modifiedAt');
