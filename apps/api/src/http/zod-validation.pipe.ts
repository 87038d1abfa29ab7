import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { ProblemException } from './problem';

type Issue = { path: PropertyKey[]; message: string };

/** Zod issues as the `errors` of a problem document, with JSON-pointer-like paths (`/settings/timeZone`). */
export function zodIssuesToErrors(
  issues: readonly Issue[],
  prefix = '',
): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: prefix + (issue.path.length > 0 ? '/' + issue.path.map(String).join('/') : ''),
    message: issue.message,
  }));
}

/**
 * Validates a body, query or path parameter against a zod schema: 400 with the path of each wrong
 * field. Schemas should be strict so unknown fields are refused, not silently dropped.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly where: 'body' | 'query' | 'path' = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? (this.where === 'body' ? undefined : {}));
    if (result.success) return result.data;
    const prefix = this.where === 'body' ? '' : `/${this.where}`;
    throw ProblemException.of(
      400,
      'validation_failed',
      `The request ${this.where} is not valid.`,
      zodIssuesToErrors(result.error.issues, prefix),
    );
  }
}
