import { Query } from '@nestjs/cqrs';
import type { PortalDoc } from '@portal/read-models';

export class GetPortalQuery extends Query<PortalDoc> {
  constructor(readonly portalId: string) {
    super();
  }
}
