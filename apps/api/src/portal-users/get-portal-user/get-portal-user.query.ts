import { Query } from '@nestjs/cqrs';
import type { PortalUserDoc } from '@portal/read-models';

export class GetPortalUserQuery extends Query<PortalUserDoc> {
  constructor(readonly portalUserId: string) {
    super();
  }
}
