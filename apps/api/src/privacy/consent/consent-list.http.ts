import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { and, type RecordFilter } from '@portal/acl';
import { READ_MODELS, ReadModelNames, type ConsentDoc, type PortalDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { StaffAuth } from '../../auth/auth.decorators';
import { listAnswer, parseListQuery, type ListQuery, type ListQueryOptions } from '../../http/list-query';
import { ProblemException } from '../../http/problem';
import { UuidParam } from '../../http/validated.decorators';
import { READ_STORE } from '../../infrastructure/tokens';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { DataSubjects } from '../data-subjects';
import { consentListSchema } from './consent.schemas';

const LIST: ListQueryOptions = {
  sortable: { at: 'at' },
  filterable: { action: 'action', version: 'version', portalUserId: 'portalUserId', portalId: 'portalId' },
  defaultSort: [{ path: 'at', direction: 'desc' }],
};

/** Who gave or withdrew which version of a portal's terms, and when (admins). */
@ApiTags('privacy')
@Controller('v1')
export class ConsentListHttp {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
    private readonly subjects: DataSubjects,
  ) {}

  @Get('portals/:id/consents')
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Consents given and withdrawn in a portal (who, which version, when)' })
  @Answers(200, 'A page of entries, newest first; `filter[action]` is given or withdrawn.', consentListSchema)
  @Refuses({ 404: '`portal_not_found`.' })
  @ListQueryParams(LIST)
  async ofPortal(@UuidParam('id') id: string, @Query() query: Record<string, unknown>) {
    const portal = await this.readStore.get<PortalDoc>(await this.names.collection(READ_MODELS.portals), id);
    if (portal === null) throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
    return this.list({ kind: 'eq', path: 'portalId', value: id }, parseListQuery(query, LIST));
  }

  @Get('data-subjects/:id/consents')
  @StaffAuth('admin')
  @ApiOperation({ summary: "A data subject's consents in every portal" })
  @Answers(200, 'A page of entries, newest first.', consentListSchema)
  @Refuses({ 404: '`data_subject_not_found`.' })
  @ListQueryParams(LIST)
  async ofSubject(@UuidParam('id') id: string, @Query() query: Record<string, unknown>) {
    const subject = await this.subjects.resolve(id);
    return this.list(
      { kind: 'in', path: 'portalUserId', values: subject.portalUserIds },
      parseListQuery(query, LIST),
    );
  }

  private async list(scope: RecordFilter, list: ListQuery) {
    const { items, total } = await this.readStore.find<ConsentDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.consents),
      { filter: and(scope, list.filter), sort: list.sort, offset: list.offset, limit: list.limit },
    );
    return listAnswer(items, total, list);
  }
}
