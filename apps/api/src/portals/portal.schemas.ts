import { z } from 'zod';
import { PORTAL_CRITERION_OPS } from '@portal/domain';
import { named } from '../openapi/api-schemas';
import { listAnswerSchema, trackedShape } from '../openapi/shared-answers';

// The shapes of shared/API.md's portal body (400 with paths); the Portal decider checks the rules
// (slug form, time zone, dashlet names, tabs, limits...) and answers 422.
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const criterion = z.strictObject({
  field: z.string().min(1).max(64),
  op: z.enum(PORTAL_CRITERION_OPS),
  value: z.union([scalar, z.array(scalar).max(1000)]),
});

const settings = z.strictObject({
  language: z.string().max(16),
  timeZone: z.string().max(64),
  dateFormat: z.string().max(16),
  currency: z.string().max(3),
  tokenLifetimeMinutes: z.number().int(),
  idleTimeoutMinutes: z.number().int(),
  maxUsers: z.number().int().nullable(),
  shareLinkMaxDays: z.number().int(),
  consentVersion: z.string().max(64).nullable(),
  consentUrl: z.string().max(2048).nullable(),
});

const branding = z.strictObject({
  logoUrl: z.string().max(2048).nullable(),
  primaryColor: z.string().max(16).nullable(),
  companyName: z.string().max(200).nullable(),
});

const entityTypeList = z.array(z.string().min(1).max(64)).max(100);

const portalFields = {
  name: z.string().min(1).max(200),
  slug: z.string().min(1).max(64),
  isActive: z.boolean(),
  isDefault: z.boolean(),
  roleIds: z.array(z.uuid()).max(100),
  tabList: entityTypeList,
  quickCreateList: entityTypeList,
  dashboardLayout: z
    .array(
      z.strictObject({
        dashlet: z.string().min(1).max(64),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(50),
  defaultCaseAssigneeId: z.uuid().nullable(),
  customUrl: z.string().max(2048).nullable(),
  recordCriteria: z.record(z.string().min(1).max(64), z.array(criterion).max(50)),
  settings: settings.partial(),
  branding: branding.partial(),
};

export const createPortalBody = z.strictObject({
  ...portalFields,
  isActive: portalFields.isActive.optional(),
  isDefault: portalFields.isDefault.optional(),
  roleIds: portalFields.roleIds.optional(),
  tabList: portalFields.tabList.optional(),
  quickCreateList: portalFields.quickCreateList.optional(),
  dashboardLayout: portalFields.dashboardLayout.optional(),
  defaultCaseAssigneeId: portalFields.defaultCaseAssigneeId.optional(),
  customUrl: portalFields.customUrl.optional(),
  recordCriteria: portalFields.recordCriteria.optional(),
  settings: portalFields.settings.optional(),
  branding: portalFields.branding.optional(),
});
export type CreatePortalBody = z.infer<typeof createPortalBody>;

/** Absent keys stay; settings and branding merge key by key; lists and roleIds are replaced whole. */
export const updatePortalBody = z.strictObject(portalFields).partial();
export type UpdatePortalBody = z.infer<typeof updatePortalBody>;

export const portalRoleBody = z.strictObject({ roleId: z.uuid() });
export type PortalRoleBody = z.infer<typeof portalRoleBody>;

// Answers.

const portalUrl = z.string().describe("The portal's pages: PUBLIC_URL/portal/{slug}/ or its customUrl");

export const portalCreatedSchema = named(
  'PortalCreated',
  z.object({ id: z.uuid(), slug: z.string(), url: portalUrl }),
);

export const portalUpdatedSchema = named(
  'PortalUpdated',
  z.object({ id: z.uuid(), slug: z.string(), url: portalUrl, revision: z.int().min(0) }),
);

export const portalSettingsSchema = named(
  'PortalSettings',
  z.object({
    language: z.string(),
    timeZone: z.string(),
    dateFormat: z.string(),
    currency: z.string(),
    tokenLifetimeMinutes: z.int(),
    idleTimeoutMinutes: z.int(),
    maxUsers: z.int().nullable(),
    shareLinkMaxDays: z
      .int()
      .describe('Longest life of a share link made by a portal user, in days (1 to 90)'),
    consentVersion: z
      .string()
      .nullable()
      .optional()
      .describe("The version of the portal's terms its users must accept; null: none required"),
    consentUrl: z.string().nullable().optional().describe('Where that version of the terms is read'),
  }),
);

export const dashletSlotSchema = z.object({
  dashlet: z.string(),
  options: z.record(z.string(), z.unknown()).optional(),
});

export const portalSchema = named(
  'Portal',
  z.object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    isActive: z.boolean(),
    isDefault: z.boolean(),
    url: portalUrl,
    customUrl: z.string().nullable(),
    roleIds: z.array(z.uuid()),
    tabList: z.array(z.string()),
    quickCreateList: z.array(z.string()),
    dashboardLayout: z.array(dashletSlotSchema),
    defaultCaseAssigneeId: z.string().nullable(),
    recordCriteria: z.record(
      z.string(),
      z.array(z.object({ field: z.string(), op: z.enum(PORTAL_CRITERION_OPS), value: z.unknown() })),
    ),
    settings: portalSettingsSchema,
    branding: z.record(z.string(), z.unknown()),
    userCount: z.int().min(0).describe('Portal users holding a seat'),
    ...trackedShape,
  }),
);

export const portalListSchema = listAnswerSchema('PortalList', portalSchema);
