import { Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';

const slug = z.string().min(1).max(100);

/** `@SlugParam() slug: string`: the portal's slug from the route. */
export function SlugParam(): ParameterDecorator {
  return (target, key, index) => {
    Param('slug', new ZodValidationPipe(slug, 'path'))(target, key, index);
    ApiParam({ name: 'slug', schema: { type: 'string' } })(
      target,
      key as string,
      Object.getOwnPropertyDescriptor(target, key as string | symbol) as PropertyDescriptor,
    );
  };
}
