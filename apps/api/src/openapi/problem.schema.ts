import { z } from 'zod';
import { named } from './api-schemas';

/** RFC 9457 problem document: the body of every error answer (see http/problem.ts). */
export const problemSchema = named(
  'Problem',
  z
    .looseObject({
      type: z.string().describe('`urn:portal:problem:<code>`; match on the code'),
      title: z.string(),
      status: z.int().min(400).max(599),
      detail: z.string(),
      errors: z
        .array(
          z.object({
            path: z.string().describe('JSON pointer, e.g. `/settings/timeZone`'),
            message: z.string(),
          }),
        )
        .optional()
        .describe('One entry per wrong field (400 and 422)'),
    })
    .describe('RFC 9457 problem document; extension members may follow.'),
);
