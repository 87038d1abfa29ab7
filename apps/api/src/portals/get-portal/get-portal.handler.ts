import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PortalDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { GetPortalQuery } from './get-portal.query';

@QueryHandler(GetPortalQuery)
export class GetPortalHandler implements IQueryHandler<GetPortalQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ portalId }: GetPortalQuery): Promise<PortalDoc> {
    const doc = await this.readStore.get<PortalDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portals),
      portalId,
    );
    if (doc === null) throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
    return doc;
  }
}
