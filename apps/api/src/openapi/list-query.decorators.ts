import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { Refuses } from './answers.decorators';

export interface ListQueryDoc {
  /** The `sort` fields (ListQueryOptions'), or a sentence when they depend on the entity type. */
  sortable: Record<string, string> | string;
  /** The `filter[…]` fields (ListQueryOptions'), or a sentence when they depend on the entity type. */
  filterable: Record<string, string> | string;
}

/**
 * `?page=&perPage=&sort=&order=&filter[field]=` as shared/API.md fixes them (parseListQuery). The
 * filters are one deepObject parameter, so generated clients send `filter: { status: 'Open' }`
 * as `filter[status]=Open`.
 */
export function ListQueryParams(doc: ListQueryDoc) {
  const sortSchema =
    typeof doc.sortable === 'string'
      ? { type: 'string' }
      : { type: 'string', enum: Object.keys(doc.sortable) };
  const filterSchema =
    typeof doc.filterable === 'string'
      ? { type: 'object', additionalProperties: { type: 'string' } }
      : {
          type: 'object',
          properties: Object.fromEntries(
            Object.keys(doc.filterable).map((field) => [field, { type: 'string' }]),
          ),
          additionalProperties: false,
        };
  return applyDecorators(
    ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } }),
    ApiQuery({
      name: 'perPage',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: typeof doc.sortable === 'string' ? doc.sortable : 'The field to sort by.',
      schema: sortSchema as never,
    }),
    ApiQuery({
      name: 'order',
      required: false,
      schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      style: 'deepObject',
      explode: true,
      description:
        'Equality filters, `filter[field]=value` (`true`, `false` and `null` mean those values). ' +
        (typeof doc.filterable === 'string'
          ? doc.filterable
          : `Fields: ${Object.keys(doc.filterable).join(', ')}.`),
      schema: filterSchema as never,
    }),
    Refuses({ 400: '`validation_failed`: a paging, sort or filter parameter is not valid or not allowed.' }),
  );
}
