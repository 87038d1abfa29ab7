import { z } from 'zod';
import { named } from '../../openapi/api-schemas';

/** Whether I follow a record: its status changes and staff replies then reach me by email. */
export const followingSchema = named('Following', z.object({ following: z.boolean() }));
export type Following = z.infer<typeof followingSchema>;
