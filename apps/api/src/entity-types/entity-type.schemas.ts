import { z } from 'zod';
import { FIELD_TYPES } from '@portal/domain';
import { named } from '../openapi/api-schemas';
import { listAnswerSchema, trackedShape } from '../openapi/shared-answers';

// Shapes here (400 with paths); names, reserved words, link targets and clashes in the decider (422/409).
export const defineEntityTypeBody = z.strictObject({
  name: z.string().min(1).max(64),
  fields: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(64),
        type: z.enum(FIELD_TYPES),
        required: z.boolean().optional(),
        options: z.array(z.string().min(1).max(200)).max(500).optional(),
      }),
    )
    .max(200)
    .default([]),
  links: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(64),
        entityType: z.string().min(1).max(64),
        many: z.boolean().optional(),
      }),
    )
    .max(200)
    .default([]),
  accountLink: z.string().min(1).max(64).optional(),
  contactLink: z.string().min(1).max(64).optional(),
});
export type DefineEntityTypeBody = z.infer<typeof defineEntityTypeBody>;

// Answers.

export const entityTypeSchema = named(
  'EntityType',
  z.object({
    id: z.string().describe("The type's name"),
    name: z.string(),
    builtIn: z.boolean(),
    fields: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        required: z.boolean().optional(),
        options: z.array(z.string()).optional(),
        default: z.unknown().optional(),
      }),
    ),
    links: z.array(z.object({ name: z.string(), entityType: z.string(), many: z.boolean().optional() })),
    accountLink: z.string().nullable(),
    contactLink: z.string().nullable(),
    accountLinks: z.array(z.string()).optional(),
    contactLinks: z.array(z.string()).optional(),
    ...trackedShape,
    revision: z.int().min(-1).describe('-1 for built-in types (no stream)'),
  }),
);

export const entityTypeListSchema = listAnswerSchema('EntityTypeList', entityTypeSchema);

export const entityTypeDefinedSchema = named(
  'EntityTypeDefined',
  z.object({ id: z.string().describe("The type's name"), name: z.string() }),
);
