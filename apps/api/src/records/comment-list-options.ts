import type { ListQueryOptions } from '../http/list-query';

/** A record's stream reads oldest first, like a conversation. */
export const COMMENT_LIST_OPTIONS: ListQueryOptions = {
  sortable: { createdAt: 'createdAt' },
  filterable: {},
  defaultSort: [{ path: 'createdAt', direction: 'asc' }],
};
