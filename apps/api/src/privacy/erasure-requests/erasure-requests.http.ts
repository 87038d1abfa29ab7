import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import { StaffAuth } from '../../auth/auth.decorators';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody, ValidQuery } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ErasureRequestLog } from './erasure-request-log';
import {
  erasureRequestListQuery,
  erasureRequestListSchema,
  erasureRequestSchema,
  refuseErasureBody,
  type ErasureRequestListQuery,
  type RefuseErasureBody,
} from './erasure-request.schemas';
import { DecideErasureRequestCommand } from './request-erasure.command';

@ApiTags('privacy')
@Controller('v1/erasure-requests')
export class ErasureRequestsHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly log: ErasureRequestLog,
  ) {}

  @Get()
  @StaffAuth('admin')
  @ApiOperation({ summary: "Portal users' requests to be erased, oldest first (`?status=pending`)" })
  @Answers(200, 'A page of requests.', erasureRequestListSchema)
  async list(@ValidQuery(erasureRequestListQuery) query: ErasureRequestListQuery) {
    const page = query.page ?? 1;
    const perPage = query.perPage ?? 20;
    const all = (await this.log.all()).filter((r) => !query.status || r.status === query.status);
    return { items: all.slice((page - 1) * perPage, page * perPage), total: all.length, page, perPage };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Approve a pending request: the subject is erased (as POST …/erase)' })
  @Answers(200, 'Approved and erased.', erasureRequestSchema)
  @Refuses({ 404: '`erasure_request_not_found`.', 409: '`erasure_request_decided`.' })
  approve(@UuidParam('id') id: string, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new DecideErasureRequestCommand(id, { approve: true }, ctx));
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Refuse a pending request, with the reason the person is shown' })
  @Answers(200, 'Refused; nothing is erased.', erasureRequestSchema)
  @Refuses({ 404: '`erasure_request_not_found`.', 409: '`erasure_request_decided`.' })
  refuse(
    @UuidParam('id') id: string,
    @ValidBody(refuseErasureBody) body: RefuseErasureBody,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(
      new DecideErasureRequestCommand(id, { approve: false, reason: body.reason }, ctx),
    );
  }
}
