import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PortalUserDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { GetPortalUserQuery } from './get-portal-user.query';

@QueryHandler(GetPortalUserQuery)
export class GetPortalUserHandler implements IQueryHandler<GetPortalUserQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ portalUserId }: GetPortalUserQuery): Promise<PortalUserDoc> {
    const doc = await this.readStore.get<PortalUserDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalUsers),
      portalUserId,
    );
    if (doc === null) throw ProblemException.of(404, 'portal_user_not_found', 'Portal user not found.');
    return doc;
  }
}
