import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PortalRoleDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { GetPortalRoleQuery } from './get-portal-role.query';

@QueryHandler(GetPortalRoleQuery)
export class GetPortalRoleHandler implements IQueryHandler<GetPortalRoleQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ roleId }: GetPortalRoleQuery): Promise<PortalRoleDoc> {
    const doc = await this.readStore.get<PortalRoleDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalRoles),
      roleId,
    );
    if (doc === null || doc.deleted)
      throw ProblemException.of(404, 'role_not_found', 'Portal role not found.');
    return doc;
  }
}
