import { Module } from '@nestjs/common';
import { DefineEntityTypeHandler } from './define-entity-type/define-entity-type.handler';
import { DefineEntityTypeHttp } from './define-entity-type/define-entity-type.http';
import { GetEntityTypeHandler } from './get-entity-type/get-entity-type.handler';
import { GetEntityTypeHttp } from './get-entity-type/get-entity-type.http';
import { ListEntityTypesHandler } from './list-entity-types/list-entity-types.handler';
import { ListEntityTypesHttp } from './list-entity-types/list-entity-types.http';

/** Entity types (admin): define custom types; list and read built-in and custom ones. */
@Module({
  controllers: [DefineEntityTypeHttp, ListEntityTypesHttp, GetEntityTypeHttp],
  providers: [DefineEntityTypeHandler, ListEntityTypesHandler, GetEntityTypeHandler],
})
export class EntityTypesModule {}
