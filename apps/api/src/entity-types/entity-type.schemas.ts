import { z } from 'zod';
import { FIELD_TYPES } from '@portal/domain';

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
