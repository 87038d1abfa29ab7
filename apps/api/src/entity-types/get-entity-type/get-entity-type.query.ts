import { Query } from '@nestjs/cqrs';
import type { EntityTypeDoc } from '@portal/read-models';

export class GetEntityTypeQuery extends Query<EntityTypeDoc> {
  constructor(readonly name: string) {
    super();
  }
}
