import { z } from 'zod';
import { named } from '../../openapi/api-schemas';

export const recordFollowerSchema = named(
  'RecordFollower',
  z.object({
    portalUserId: z.uuid(),
    name: z.string(),
    email: z.string(),
    /** True: they chose to follow; false: they follow by default (creator, the record's contact). */
    chosen: z.boolean(),
  }),
);

export const recordFollowerListSchema = named(
  'RecordFollowerList',
  z.object({ items: z.array(recordFollowerSchema), total: z.number().int() }),
);

export type RecordFollowerView = z.infer<typeof recordFollowerSchema>;
