import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import type { CommandContext } from '@portal/commands';
import { Ctx, CurrentPrincipal } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { recordFieldsSchema, type RecordFieldsBody } from '../../../records/record-fields.schema';
import { PortalCaller } from '../../portal-caller';
import { PortalRecordReads } from '../portal-record-reads';
import { portalRecordView, createdPortalRecordSchema } from '../../portal-record-view';
import { CreatePortalRecordCommand } from './create-portal-record.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class CreatePortalRecordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly caller: PortalCaller,
    private readonly reads: PortalRecordReads,
  ) {}

  /**
   * 201 where the roles grant create and the portal shows the type; 403 otherwise or for fields the
   * user may not set. A role may grant create without read: the record is filed, and the answer is
   * `{ id }` alone, since its creator may not read it.
   */
  @Post(':entityType')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Create a record in my portal' })
  @Answers(
    201,
    'The record as I may read it, or `{ id }` alone where my roles grant create but not read. ' +
      'A Case gets my contact, account and the portal default assignee.',
    createdPortalRecordSchema,
  )
  @Refuses({
    403: 'The roles do not grant create, or a field I may not set was sent.',
    404: 'A type this portal does not show.',
    422: 'Invalid fields (`errors` name them).',
  })
  async create(
    @Param('entityType') entityType: string,
    @ValidBody(recordFieldsSchema) fields: RecordFieldsBody,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    const doc = await this.commands.execute(new CreatePortalRecordCommand(access, entityType, fields, ctx));
    if (!this.reads.mayRead(access, doc)) return { id: doc.id };
    return portalRecordView(doc, access.perms);
  }
}
