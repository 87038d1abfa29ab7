import { Query } from '@nestjs/cqrs';
import type { StaffUserDoc } from '@portal/read-models';

export class GetStaffUserQuery extends Query<StaffUserDoc> {
  constructor(readonly staffUserId: string) {
    super();
  }
}
