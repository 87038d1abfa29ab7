import { z } from 'zod';
import { STAFF_ROLES } from '@portal/domain';
import { newPasswordSchema } from '../auth/passwords/password-policy';
import { named } from '../openapi/api-schemas';
import { listAnswerSchema, trackedShape } from '../openapi/shared-answers';

export const createStaffUserBody = z.strictObject({
  email: z.email({ message: 'must be an email address' }).max(254),
  name: z.string().trim().min(1).max(200),
  password: newPasswordSchema,
  role: z.enum(STAFF_ROLES),
});
export type CreateStaffUserBody = z.infer<typeof createStaffUserBody>;

// Answers.

export const staffUserSchema = named(
  'StaffUser',
  z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    isActive: z.boolean(),
    ...trackedShape,
  }),
);

export const staffUserListSchema = listAnswerSchema('StaffUserList', staffUserSchema);
