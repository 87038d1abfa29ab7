import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { PortalAccess } from '../../auth/portal-access';
import { named } from '../../openapi/api-schemas';

export const dashboardSchema = named(
  'Dashboard',
  z.object({
    layout: z
      .enum(['user', 'portal'])
      .describe("Whose layout this is: the user's own (set by staff) or the portal's"),
    dashlets: z.array(
      z.object({
        dashlet: z.string(),
        options: z.record(z.string(), z.unknown()),
        data: z
          .unknown()
          .describe(
            'OpenCasesByPriority `{ total, byPriority }`; RecentCases / RecentKnowledgeBaseArticles `{ items }`; ' +
              'CaseResolutionTimeByPriority `{ byPriority: { P: { count, averageHours } }, sampled }`; ' +
              'Announcement `{ title, text }`; null where the roles hide what the dashlet is about',
          ),
      }),
    ),
  }),
);
export type DashboardAnswer = z.infer<typeof dashboardSchema>;

/** The portal user's home page: each dashlet of the layout with its data, scoped like every read. */
export class GetDashboardQuery extends Query<DashboardAnswer> {
  constructor(readonly access: PortalAccess) {
    super();
  }
}
