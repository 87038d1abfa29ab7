import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

type SchemaObject = Record<string, unknown>;

/** The OpenAPI 3.0 form of a zod schema, for /docs. */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    io: 'input',
  }) as SchemaObject;
}

function methodDescriptor(target: object, key: string | symbol | undefined): PropertyDescriptor {
  return Object.getOwnPropertyDescriptor(target, key as string | symbol) as PropertyDescriptor;
}

/** `@ValidBody(schema) body: z.infer<typeof schema>`: validated, and documented in /docs. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    ApiBody({ schema: openApiSchema(schema) as never })(target, key as string, methodDescriptor(target, key));
  };
}

/** `@ValidQuery(schema) query`: the whole query string validated, each parameter documented. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    for (const [name, field] of Object.entries(schema.shape)) {
      ApiQuery({
        name,
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: openApiSchema(field as z.ZodType) as never,
      })(target, key as string, methodDescriptor(target, key));
    }
  };
}

const uuid = z.uuid({ message: 'must be a UUID' });

/** `@UuidParam('id') id: string`: 400 with the parameter's path when it is not a UUID. */
export function UuidParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ZodValidationPipe(uuid, 'path'))(target, key, index);
    ApiParam({ name, schema: { type: 'string', format: 'uuid' } })(
      target,
      key as string,
      methodDescriptor(target, key),
    );
  };
}
