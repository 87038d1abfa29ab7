import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { ProblemException } from '../../http/problem';
import { GetEntityTypeQuery } from './get-entity-type.query';

const TYPE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

@ApiTags('entity types')
@Controller('v1/entity-types')
export class GetEntityTypeHttp {
  constructor(private readonly queries: QueryBus) {}

  /** One type by its name (e.g. `Case`, `Invoice`). */
  @Get(':name')
  @StaffAuth('admin')
  get(@Param('name') name: string) {
    if (!TYPE_NAME.test(name)) {
      throw ProblemException.of(400, 'validation_failed', 'The request path is not valid.', [
        { path: '/path/name', message: 'must be an entity type name' },
      ]);
    }
    return this.queries.execute(new GetEntityTypeQuery(name));
  }
}
