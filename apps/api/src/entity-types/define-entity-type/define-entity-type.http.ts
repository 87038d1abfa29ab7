import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { defineEntityTypeBody, type DefineEntityTypeBody } from '../entity-type.schemas';
import { DefineEntityTypeCommand } from './define-entity-type.command';

@ApiTags('entity types')
@Controller('v1/entity-types')
export class DefineEntityTypeHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 `{ id: name, name }`; 409 for a taken or built-in name; 422 for an invalid definition. */
  @Post()
  @StaffAuth('admin')
  define(@ValidBody(defineEntityTypeBody) body: DefineEntityTypeBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new DefineEntityTypeCommand(body, ctx));
  }
}
