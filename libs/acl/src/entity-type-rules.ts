import type { AclUser } from './acl-user';
import type { AccessLevel } from './levels';
import type { PortalContext } from './portal-context';
import { ALL, NONE, or, type RecordFilter } from './record-filter';
import type { RefusalReason } from './refusal-reason';
import { simplifyFilter } from './simplify-filter';

/** A condition a record must meet, with the reason given when it does not. */
export interface ScopeCondition {
  reason: RefusalReason;
  filter: RecordFilter;
}

/** What is special about one entity type; types without a rule use only the common checks. */
export interface EntityTypeRule {
  /** Conditions the portal puts on every record of the type, before any role. */
  exposure?(ctx: PortalContext): ScopeCondition[];
  /** Which records a level reaches, in place of the ownership reach. */
  reach?(level: AccessLevel, user: AclUser): RecordFilter;
}

const noAccountLinks: RecordFilter = { kind: 'isEmpty', path: 'accountIds' };

/**
 * Articles: only published ones, only in the portals they are published to. An article without
 * account links is portal-wide (any read level but `no`); one with account links needs `account`
 * and a shared account, or `all`.
 */
const knowledgeBaseArticle: EntityTypeRule = {
  exposure: (ctx) => [
    { reason: 'not_published', filter: { kind: 'eq', path: 'fields.status', value: 'Published' } },
    { reason: 'not_in_portal', filter: { kind: 'overlaps', path: 'portalIds', values: [ctx.portalId] } },
  ],
  reach: (level, user) => {
    if (level === 'no') return NONE;
    if (level === 'all') return ALL;
    const sharedAccount: RecordFilter =
      level === 'account' && user.accountIds.length > 0
        ? { kind: 'overlaps', path: 'accountIds', values: [...user.accountIds] }
        : NONE;
    return simplifyFilter(or(noAccountLinks, sharedAccount));
  },
};

export const ENTITY_TYPE_RULES: Readonly<Record<string, EntityTypeRule>> = {
  KnowledgeBaseArticle: knowledgeBaseArticle,
};
