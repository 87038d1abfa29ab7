import { z } from 'zod';
import { named } from './api-schemas';

/** An ISO-8601 UTC time, as every answer writes times. */
export const isoTime = z.string().describe('ISO-8601 UTC time');

export const actorRefSchema = named(
  'ActorRef',
  z
    .object({
      type: z.enum(['staff', 'portalUser', 'system']),
      id: z.string(),
      name: z.string(),
      portalId: z.string().optional().describe('For portal users: the portal they acted in'),
    })
    .describe('Who did something'),
);

/** Who created and last changed a document, when, and its revision (the ETag of single GETs). */
export const trackedShape = {
  createdAt: isoTime,
  createdBy: actorRefSchema,
  modifiedAt: isoTime,
  modifiedBy: actorRefSchema,
  revision: z.int().min(0).describe('Stream revision; the ETag is this number quoted'),
};

/** `{ items, total, page, perPage }`, the answer of every paged list (shared/API.md). */
export function listAnswerSchema<T extends z.ZodType>(id: string, item: T) {
  return named(
    id,
    z.object({
      items: z.array(item),
      total: z.int().min(0),
      page: z.int().min(1),
      perPage: z.int().min(1),
    }),
  );
}

export const createdIdSchema = named('CreatedId', z.object({ id: z.uuid() }));

export const accessTokenSchema = named(
  'AccessToken',
  z.object({
    accessToken: z.string().describe('Send as `Authorization: Bearer <accessToken>`'),
    expiresIn: z.int().min(1).describe('Seconds until it expires'),
  }),
);
