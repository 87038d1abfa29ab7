import { z } from 'zod';
import { named } from '../../openapi/api-schemas';

export const requestErasureBody = z.strictObject({
  /** Optional, in their words (encrypted under their key, erased with everything else). */
  reason: z.string().trim().max(2000).optional(),
});
export type RequestErasureBody = z.infer<typeof requestErasureBody>;

export const refuseErasureBody = z.strictObject({
  /** The company's answer (a policy, an open contract), shown to the person; not their details. */
  reason: z.string().trim().min(1).max(500),
});
export type RefuseErasureBody = z.infer<typeof refuseErasureBody>;

export const erasureRequestSchema = named(
  'ErasureRequest',
  z.object({
    id: z.uuid(),
    subjectId: z.uuid(),
    portalUserId: z.uuid(),
    portalId: z.uuid(),
    reason: z.string().nullable(),
    status: z.enum(['pending', 'approved', 'refused']),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    refusalReason: z.string().nullable(),
  }),
);

export const erasureRequestListSchema = named(
  'ErasureRequestList',
  z.object({
    items: z.array(erasureRequestSchema),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
  }),
);

export const erasureRequestListQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'refused']).optional().describe('Default: every status'),
  page: z.coerce.number().int().min(1).optional(),
  perPage: z.coerce.number().int().min(1).max(100).optional(),
});
export type ErasureRequestListQuery = z.infer<typeof erasureRequestListQuery>;
