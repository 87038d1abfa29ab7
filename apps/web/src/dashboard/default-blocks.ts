import type { PortalPermissions } from '../permissions/portal-permissions.js';

/** The blocks of the dashboard a portal shows when it has no dashboard layout of its own. */
export type DefaultBlock = 'openCases' | 'recentDocuments' | 'latestArticles';

/** Each block and the type it lists, in the order shown. */
export const DEFAULT_BLOCK_TYPES: Readonly<Record<DefaultBlock, string>> = {
  openCases: 'Case',
  recentDocuments: 'Document',
  latestArticles: 'KnowledgeBaseArticle',
};

/** A case in one of these statuses is done (the domain's CASE_CLOSED_STATUSES; a unit test holds them equal). */
export const CLOSED_CASE_STATUSES: readonly string[] = ['Closed', 'Rejected', 'Duplicate'];

/**
 * The blocks this user gets: a type the portal shows as a tab (the API answers 404 for any other)
 * and the roles let them read; open cases also need the status field, or open cannot be told.
 */
export function defaultBlocks(
  tabList: readonly string[],
  permissions: Pick<PortalPermissions, 'canRead' | 'canReadField'>,
): DefaultBlock[] {
  return (Object.entries(DEFAULT_BLOCK_TYPES) as [DefaultBlock, string][])
    .filter(([, type]) => tabList.includes(type) && permissions.canRead(type))
    .filter(([block, type]) => block !== 'openCases' || permissions.canReadField(type, 'status'))
    .map(([block]) => block);
}

/** Whether a case (as the list answers it) is still open. */
export function isOpenCase(item: Readonly<Record<string, unknown>>): boolean {
  return typeof item.status === 'string' && !CLOSED_CASE_STATUSES.includes(item.status);
}
