import { z } from 'zod';
import { named } from '../openapi/api-schemas';
import { actorRefSchema, isoTime, listAnswerSchema } from '../openapi/shared-answers';
import { portalCommentViewSchema } from '../self-service/portal-comment-view';

// The shapes (400 with paths); the ShareLink decider checks the expiry against the creator's
// maximum and the note's length (422).
export const createShareLinkBody = z.strictObject({
  expiresAt: z
    .string()
    .max(64)
    .optional()
    .describe('When the link dies (ISO-8601 with a time zone). Default 7 days; at most the maximum'),
  includeComments: z.boolean().optional().describe('Show the public comments (default false)'),
  includeAttachments: z.boolean().optional().describe('Show the attachments (default false)'),
  note: z.string().max(2000).optional().describe('For the creator’s own list (at most 500 characters)'),
});
export type CreateShareLinkBody = z.infer<typeof createShareLinkBody>;

export const createdShareLinkSchema = named(
  'CreatedShareLink',
  z.object({
    id: z.uuid(),
    url: z.string().describe('The link to send; it holds the token, shown this once and never again'),
    token: z.string().describe('The token alone (also in `url`); kept nowhere, so it cannot be shown again'),
    expiresAt: isoTime,
  }),
);
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

export const shareLinkSchema = named(
  'ShareLink',
  z.object({
    id: z.uuid(),
    entityType: z.string(),
    recordId: z.string(),
    createdAt: isoTime,
    createdBy: actorRefSchema,
    expiresAt: isoTime,
    includeComments: z.boolean(),
    includeAttachments: z.boolean(),
    note: z.string().nullable(),
    status: z.enum(['active', 'revoked', 'expired']),
    views: z.int().min(0).describe('Successful views, counted without an event each'),
    firstViewAt: isoTime.nullable(),
    lastViewAt: isoTime.nullable(),
  }),
);
export type ShareLinkView = z.infer<typeof shareLinkSchema>;

export const shareLinkListSchema = listAnswerSchema('ShareLinkList', shareLinkSchema);

const text = z.string().nullable();

export const sharedRecordSchema = named(
  'SharedRecord',
  z.object({
    record: z
      .looseObject({ id: z.uuid(), entityType: z.string(), createdAt: isoTime, modifiedAt: isoTime })
      .describe('The fields the link’s creator may read now, beside these'),
    comments: z.array(portalCommentViewSchema).describe('Public comments, when the link includes them'),
    attachments: z
      .array(z.object({ id: z.string(), name: z.string(), size: z.int(), contentType: z.string() }))
      .describe('When the link includes them'),
    includeComments: z.boolean(),
    includeAttachments: z.boolean(),
    expiresAt: isoTime,
    sharedFrom: z
      .object({
        name: z.string(),
        language: z.string(),
        timeZone: z.string(),
        dateFormat: z.string(),
        branding: z.strictObject({ logoUrl: text, primaryColor: text, companyName: text }),
      })
      .nullable()
      .describe('The portal the link was made in (its look); null for links made by staff'),
  }),
);
export type SharedRecord = z.infer<typeof sharedRecordSchema>;
