import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { Refuses } from '../openapi/answers.decorators';
import { requestJsonSchema } from '../openapi/zod-json-schema';
import { ZodValidationPipe } from './zod-validation.pipe';

function methodDescriptor(target: object, key: string | symbol | undefined): PropertyDescriptor {
  return Object.getOwnPropertyDescriptor(target, key as string | symbol) as PropertyDescriptor;
}

/** `@ValidBody(schema) body: z.infer<typeof schema>`: validated, and documented in /docs. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    const descriptor = methodDescriptor(target, key);
    ApiBody({ schema: requestJsonSchema(schema) as never })(target, key as string, descriptor);
    Refuses({
      400: '`validation_failed` (with `errors`, one per wrong field), or a body that is not JSON.',
      413: 'The body is larger than 1 MiB.',
      415: 'The body is not `application/json`.',
    })(target, key as string, descriptor);
  };
}

/** `@ValidQuery(schema) query`: the whole query string validated, each parameter documented. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    Refuses({ 400: '`validation_failed`: a query parameter is not valid or not known.' })(
      target,
      key as string,
      methodDescriptor(target, key),
    );
    for (const [name, field] of Object.entries(schema.shape)) {
      ApiQuery({
        name,
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: requestJsonSchema(field as z.ZodType) as never,
      })(target, key as string, methodDescriptor(target, key));
    }
  };
}

const uuid = z.uuid({ message: 'must be a UUID' });

/** `@UuidParam('id') id: string`: 400 with the parameter's path when it is not a UUID. */
export function UuidParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ZodValidationPipe(uuid, 'path'))(target, key, index);
    const descriptor = methodDescriptor(target, key);
    ApiParam({ name, schema: { type: 'string', format: 'uuid' } })(target, key as string, descriptor);
    Refuses({ 400: `\`validation_failed\`: \`${name}\` is not a UUID.` })(target, key as string, descriptor);
  };
}
