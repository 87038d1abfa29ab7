import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODELS, ReadModelNames, StaffUserDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { GetStaffUserQuery } from './get-staff-user.query';

@QueryHandler(GetStaffUserQuery)
export class GetStaffUserHandler implements IQueryHandler<GetStaffUserQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ staffUserId }: GetStaffUserQuery): Promise<StaffUserDoc> {
    const doc = await this.readStore.get<StaffUserDoc & Record<string, unknown>>(
      await this.names.collection(READ_MODELS.staffUsers),
      staffUserId,
    );
    if (doc === null) throw ProblemException.of(404, 'staff_user_not_found', 'Staff user not found.');
    return doc;
  }
}
