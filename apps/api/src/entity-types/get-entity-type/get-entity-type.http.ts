import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { ProblemException } from '../../http/problem';
import { GetEntityTypeQuery } from './get-entity-type.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { entityTypeSchema } from '../entity-type.schemas';

const TYPE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

@ApiTags('entity types')
@Controller('v1/entity-types')
export class GetEntityTypeHttp {
  constructor(private readonly queries: QueryBus) {}

  /** One type by its name (e.g. `Case`, `Invoice`). */
  @Get(':name')
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Get an entity type by name' })
  @Answers(200, 'The type with its fields and links.', entityTypeSchema)
  @Refuses({ 400: '`validation_failed`: not an entity type name.', 404: '`entity_type_not_found`.' })
  get(@Param('name') name: string) {
    if (!TYPE_NAME.test(name)) {
      throw ProblemException.of(400, 'validation_failed', 'The request path is not valid.', [
        { path: '/path/name', message: 'must be an entity type name' },
      ]);
    }
    return this.queries.execute(new GetEntityTypeQuery(name));
  }
}
