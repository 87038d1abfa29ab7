import { Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isPortalSlug } from '@portal/domain';
import { z } from 'zod';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { Refuses } from '../../openapi/answers.decorators';

// Looked up case-insensitively (PortalDirectory), so only the lowercased form must be a slug. What
// cannot be one (control characters, a NUL the stores refuse, spaces, slashes) is a 400 before
// any lookup.
const slug = z
  .string()
  .min(1)
  .max(100)
  .refine((value) => isPortalSlug(value.trim().toLowerCase()), {
    message: 'must be a portal slug: 2 to 64 letters, digits and dashes',
  });

/** `@SlugParam() slug: string`: the portal's slug from the route. */
export function SlugParam(): ParameterDecorator {
  return (target, key, index) => {
    Param('slug', new ZodValidationPipe(slug, 'path'))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key as string | symbol) as PropertyDescriptor;
    ApiParam({ name: 'slug', schema: { type: 'string', minLength: 2, maxLength: 64 } })(
      target,
      key as string,
      descriptor,
    );
    Refuses({ 400: '`validation_failed`: the slug cannot be a portal slug.' })(
      target,
      key as string,
      descriptor,
    );
  };
}
