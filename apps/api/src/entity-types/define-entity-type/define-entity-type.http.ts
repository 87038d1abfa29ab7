import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import {
  defineEntityTypeBody,
  type DefineEntityTypeBody,
  entityTypeDefinedSchema,
} from '../entity-type.schemas';
import { DefineEntityTypeCommand } from './define-entity-type.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('entity types')
@Controller('v1/entity-types')
export class DefineEntityTypeHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 `{ id: name, name }`; 409 for a taken or built-in name; 422 for an invalid definition. */
  @Post()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Define a custom entity type' })
  @Answers(201, 'Defined; records of it can be created at once.', entityTypeDefinedSchema)
  @Refuses({ 409: 'A taken or built-in name.', 422: 'An invalid definition (`errors` name the fields).' })
  define(@ValidBody(defineEntityTypeBody) body: DefineEntityTypeBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new DefineEntityTypeCommand(body, ctx));
  }
}
