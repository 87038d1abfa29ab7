import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and } from '@portal/acl';
import { LoginHistoryDoc, PortalUserDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { listAnswer } from '../../http/list-query';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { LoginHistoryQuery, type LoginHistoryList } from './login-history.query';

@QueryHandler(LoginHistoryQuery)
export class LoginHistoryHandler implements IQueryHandler<LoginHistoryQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ portalUserId, list }: LoginHistoryQuery): Promise<LoginHistoryList> {
    const user = await this.readStore.get<PortalUserDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalUsers),
      portalUserId,
    );
    if (user === null) throw ProblemException.of(404, 'portal_user_not_found', 'Portal user not found.');
    const { items, total } = await this.readStore.find<LoginHistoryDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.loginHistory),
      {
        filter: and({ kind: 'eq', path: 'portalUserId', value: portalUserId }, list.filter),
        sort: list.sort,
        offset: list.offset,
        limit: list.limit,
      },
    );
    return listAnswer(items, total, list);
  }
}
