import type { PortalDashletName } from '@portal/domain';
import { announcement } from './announcement';
import { caseResolutionTimeByPriority } from './case-resolution-time-by-priority';
import type { Dashlet } from './dashlet';
import { openCasesByPriority } from './open-cases-by-priority';
import { recentCases, recentKnowledgeBaseArticles } from './recent-records';

/** Every dashlet a portal layout may name (the domain's PORTAL_DASHLETS), with its data. */
export const PORTAL_DASHLET_DATA: Record<PortalDashletName, Dashlet> = {
  OpenCasesByPriority: openCasesByPriority,
  RecentCases: recentCases,
  RecentKnowledgeBaseArticles: recentKnowledgeBaseArticles,
  CaseResolutionTimeByPriority: caseResolutionTimeByPriority,
  Announcement: announcement,
};
