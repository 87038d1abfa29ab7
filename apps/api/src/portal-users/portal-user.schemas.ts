import { z } from 'zod';
import { named } from '../openapi/api-schemas';
import { isoTime, listAnswerSchema, trackedShape } from '../openapi/shared-answers';

const PORTAL_USER_STATUSES = ['active', 'invited', 'suspended', 'deactivated'] as const;

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

// Answers.

const dashletSlot = z.object({ dashlet: z.string(), options: z.record(z.string(), z.unknown()).optional() });

export const portalUserSchema = named(
  'PortalUser',
  z.object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    name: z.string(),
    contactId: z.string().nullable(),
    accountIds: z.array(z.string()),
    portalIds: z.array(z.uuid()),
    roleIds: z.array(z.uuid()),
    status: z.enum(PORTAL_USER_STATUSES),
    deactivated: z.boolean().optional(),
    hasPassword: z.boolean(),
    pendingEmail: z.string().nullable().describe('The address waiting for confirmation, if any'),
    supportPeriod: z.object({ start: z.string(), end: z.string() }).nullable(),
    invitations: z.array(
      z.object({
        invitationId: z.string(),
        portalId: z.uuid(),
        sentAt: isoTime,
        expiresAt: isoTime,
        acceptedAt: isoTime.nullable(),
        delivery: z.enum(['pending', 'delivered', 'failed']),
        deliveryFailureReason: z.string().nullable(),
        status: z.enum(['pending', 'accepted', 'expired']).optional(),
      }),
    ),
    lastLoginAt: isoTime.nullable(),
    dashboardLayout: z.array(dashletSlot).nullable(),
    preferences: z.record(z.string(), z.unknown()),
    profile: z.record(z.string(), z.unknown()),
    ...trackedShape,
  }),
);

export const portalUserListSchema = listAnswerSchema('PortalUserList', portalUserSchema);

export const loginHistoryEntrySchema = named(
  'LoginHistoryEntry',
  z.object({
    id: z.string(),
    portalUserId: z.uuid(),
    portalId: z.uuid(),
    kind: z.enum(['login', 'login_failed', 'logout']),
    at: isoTime,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    reason: z.string().nullable(),
  }),
);

export const loginHistorySchema = listAnswerSchema('LoginHistory', loginHistoryEntrySchema);

export const bulkInvitationResultSchema = named(
  'BulkInvitationResult',
  z.object({
    results: z.array(
      z.object({
        contactId: z.string(),
        status: z.enum(['invited', 'failed']),
        reason: z
          .string()
          .optional()
          .describe('no_email, invalid_email, already_portal_user, staff_domain, …'),
      }),
    ),
  }),
);

export const emailChangeAnswerSchema = named(
  'EmailChangeAnswer',
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('confirmation_sent'), newEmail: z.string(), expiresAt: isoTime }),
    z.object({ status: z.literal('changed'), email: z.string() }),
  ]),
);

const actionExplanation = z.object({
  allowed: z.boolean(),
  level: z.string(),
  grantedBy: z.array(z.object({ id: z.string(), name: z.string() })),
  reason: z.string().optional(),
  message: z.string().optional(),
});

export const accessExplanationSchema = named(
  'AccessExplanation',
  z.object({
    portalUserId: z.uuid(),
    status: z.enum(PORTAL_USER_STATUSES),
    entityType: z.string(),
    recordId: z.string().nullable(),
    portals: z.array(
      z.object({
        portalId: z.uuid(),
        portalSlug: z.string(),
        portalName: z.string(),
        portalIsActive: z.boolean(),
        roles: z.array(z.object({ id: z.string(), name: z.string() })),
        entityType: z.string(),
        recordId: z.string().nullable(),
        actions: z.record(z.string(), actionExplanation),
        fields: z.object({
          hidden: z.array(z.string()),
          readOnly: z.array(z.string()),
          alwaysReadOnly: z.array(z.string()),
          neverReadable: z.array(z.string()),
        }),
      }),
    ),
  }),
);
