import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RecordDocuments } from '../../records/record-documents';
import { PORTAL_DASHLET_DATA } from './dashlets/portal-dashlets';
import { GetDashboardQuery, type DashboardAnswer } from './get-dashboard.query';

@QueryHandler(GetDashboardQuery)
export class GetDashboardHandler implements IQueryHandler<GetDashboardQuery, DashboardAnswer> {
  constructor(private readonly records: RecordDocuments) {}

  async execute({ access }: GetDashboardQuery): Promise<DashboardAnswer> {
    const own = access.portalUser.dashboardLayout;
    const layout = own ?? access.portal.dashboardLayout;
    const dashlets = await Promise.all(
      layout.map(async (item) => {
        const options = item.options ?? {};
        const compute = Object.prototype.hasOwnProperty.call(PORTAL_DASHLET_DATA, item.dashlet)
          ? PORTAL_DASHLET_DATA[item.dashlet as keyof typeof PORTAL_DASHLET_DATA]
          : undefined;
        // A dashlet this version does not know (an old layout) shows no data rather than failing the page.
        const data = compute ? await compute({ access, records: this.records, options }) : null;
        return { dashlet: item.dashlet, options, data };
      }),
    );
    return { layout: own ? 'user' : 'portal', dashlets };
  }
}
