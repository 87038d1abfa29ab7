import { z } from 'zod';

const membership = {
  portalIds: z.array(z.uuid()).min(1).max(50),
  roleIds: z.array(z.uuid()).max(100).optional(),
  /** Send an invitation to each portal right away (default false). */
  sendInvitation: z.boolean().optional(),
};

/**
 * `{ contactId }` or `{ email, firstName, lastName }`, plus the memberships. One strict object
 * rather than a union, so every wrong field gets its own path in the 400.
 */
export const createPortalUserBody = z
  .strictObject({
    contactId: z.uuid().optional(),
    email: z.string().min(1).max(254).optional(),
    firstName: z.string().max(100).optional(),
    lastName: z.string().max(100).optional(),
    ...membership,
  })
  .superRefine((body, issue) => {
    const fromContact = body.contactId !== undefined;
    if (fromContact) {
      for (const key of ['email', 'firstName', 'lastName'] as const) {
        if (body[key] !== undefined)
          issue.addIssue({
            code: 'custom',
            path: [key],
            message: 'not allowed with contactId (taken from the contact)',
          });
      }
    } else {
      for (const key of ['email', 'firstName', 'lastName'] as const) {
        if (body[key] === undefined)
          issue.addIssue({ code: 'custom', path: [key], message: 'required unless contactId is given' });
      }
    }
  });
export type CreatePortalUserBody = z.infer<typeof createPortalUserBody>;

export const invitationBody = z.strictObject({ portalId: z.uuid() });
export type InvitationBody = z.infer<typeof invitationBody>;

export const bulkInvitationBody = z
  .strictObject({
    contactIds: z.array(z.uuid()).min(1).max(5000).optional(),
    accountId: z.uuid().optional(),
  })
  .refine((body) => (body.contactIds === undefined) !== (body.accountId === undefined), {
    message: 'give either contactIds or accountId',
    path: ['contactIds'],
  });
export type BulkInvitationBody = z.infer<typeof bulkInvitationBody>;

/** The new login email; the domain normalizes and judges it (422 invalid_email, staff_domain, …). */
export const emailChangeBody = z.strictObject({ newEmail: z.string().trim().min(1).max(254) });
export type EmailChangeBody = z.infer<typeof emailChangeBody>;

export const transferBody = z.strictObject({ fromPortalId: z.uuid(), toPortalId: z.uuid() });
export type TransferBody = z.infer<typeof transferBody>;

export const roleBody = z.strictObject({ roleId: z.uuid() });
export type RoleBody = z.infer<typeof roleBody>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const supportPeriodBody = z.strictObject({ start: isoDate, end: isoDate });
export type SupportPeriodBody = z.infer<typeof supportPeriodBody>;
