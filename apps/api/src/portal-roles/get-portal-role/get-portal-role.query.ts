import { Query } from '@nestjs/cqrs';
import type { PortalRoleDoc } from '@portal/read-models';

export class GetPortalRoleQuery extends Query<PortalRoleDoc> {
  constructor(readonly roleId: string) {
    super();
  }
}
