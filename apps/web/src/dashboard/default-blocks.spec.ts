import { CASE_CLOSED_STATUSES } from '@portal/domain';
import type { Me } from '../api/portal-api';
import { PortalPermissions } from '../permissions/portal-permissions';
import { CLOSED_CASE_STATUSES, defaultBlocks, isOpenCase } from './default-blocks';

function permissionsOf(scopes: Record<string, unknown>, fields: Record<string, unknown> = {}) {
  return new PortalPermissions({
    id: 'u',
    contactId: 'c',
    accountIds: ['a'],
    portal: { tabList: [], quickCreateList: [] },
    permissions: { scopes, fields },
  } as unknown as Me);
}

const ALL_TABS = ['Case', 'Document', 'KnowledgeBaseArticle'];
const READS_ALL = {
  Case: { read: { level: 'account', grantedBy: ['r'] } },
  Document: { read: 'contact' },
  KnowledgeBaseArticle: { read: 'all' },
};

describe('defaultBlocks (the dashboard of a portal without a layout)', () => {
  it('shows open cases, recent documents and latest articles to a user who may read all three', () => {
    expect(defaultBlocks(ALL_TABS, permissionsOf(READS_ALL))).toEqual([
      'openCases',
      'recentDocuments',
      'latestArticles',
    ]);
  });

  it('leaves out a type the roles do not open, or open only as "no"', () => {
    const noDocuments = permissionsOf({ ...READS_ALL, Document: { read: 'no' } });
    expect(defaultBlocks(ALL_TABS, noDocuments)).toEqual(['openCases', 'latestArticles']);
    const onlyArticles = permissionsOf({ KnowledgeBaseArticle: { read: 'all' } });
    expect(defaultBlocks(ALL_TABS, onlyArticles)).toEqual(['latestArticles']);
    expect(defaultBlocks(ALL_TABS, permissionsOf({}))).toEqual([]);
  });

  it('leaves out a type the portal does not show, whatever the roles say', () => {
    expect(defaultBlocks(['Case'], permissionsOf(READS_ALL))).toEqual(['openCases']);
    expect(defaultBlocks([], permissionsOf(READS_ALL))).toEqual([]);
  });

  it('shows no open cases where the status field is hidden (open cannot be told)', () => {
    const hidden = permissionsOf(READS_ALL, { Case: { status: { read: 'no', edit: 'no' } } });
    expect(defaultBlocks(ALL_TABS, hidden)).toEqual(['recentDocuments', 'latestArticles']);
  });
});

describe('isOpenCase', () => {
  it("holds the domain's closed statuses", () => {
    expect([...CLOSED_CASE_STATUSES].sort()).toEqual([...CASE_CLOSED_STATUSES].sort());
  });

  it('is open in any other status, and not without one', () => {
    expect(['New', 'Assigned', 'Pending'].map((status) => isOpenCase({ status }))).toEqual([
      true,
      true,
      true,
    ]);
    expect(CLOSED_CASE_STATUSES.map((status) => isOpenCase({ status }))).toEqual([false, false, false]);
    expect(isOpenCase({})).toBe(false);
  });
});
