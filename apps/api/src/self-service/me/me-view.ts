import { z } from 'zod';
import { ACCESS_LEVELS, CREATE_LEVELS, YES_NO } from '@portal/acl';
import { CASE_NOTIFICATION_LEVELS, type ProfileChanges } from '@portal/domain';
import { caseNotificationsOf } from '@portal/read-models';
import type { PortalAccess } from '../../auth/portal-access';
import { named } from '../../openapi/api-schemas';
import { portalSettingsSchema } from '../../portals/portal.schemas';

const roleRef = z.object({ id: z.string(), name: z.string() });
const grant = <L extends readonly [string, ...string[]]>(levels: L) =>
  z.object({ level: z.enum(levels), grantedBy: z.array(roleRef) });

/** The merged roles (libs/acl's EffectivePermissions): what the user may do, per type and field. */
export const effectivePermissionsSchema = named(
  'EffectivePermissions',
  z.object({
    roles: z.array(roleRef),
    scopes: z
      .record(
        z.string(),
        z.object({
          create: grant(CREATE_LEVELS),
          read: grant(ACCESS_LEVELS),
          edit: grant(ACCESS_LEVELS),
          delete: grant(ACCESS_LEVELS),
          stream: grant(ACCESS_LEVELS),
          share: grant(ACCESS_LEVELS),
        }),
      )
      .describe('Entity types no role mentions are absent: every action is `no`'),
    fields: z
      .record(z.string(), z.record(z.string(), z.object({ read: z.enum(YES_NO), edit: z.enum(YES_NO) })))
      .describe('Per type, the fields some role restricts; others are readable and editable'),
  }),
);

export const meSchema = named(
  'Me',
  z.object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().nullable(),
    language: z.string().nullable(),
    notifyOnCaseUpdates: z.boolean().describe('false exactly when caseNotifications is none (older clients)'),
    caseNotifications: z
      .enum(CASE_NOTIFICATION_LEVELS)
      .describe('Emails about records I follow: every update (all), only records I created (own), or none'),
    contactId: z.string().nullable(),
    accountIds: z.array(z.string()),
    portal: z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      tabList: z.array(z.string()),
      quickCreateList: z.array(z.string()),
      settings: portalSettingsSchema,
      branding: z.record(z.string(), z.unknown()),
    }),
    permissions: effectivePermissionsSchema,
  }),
);
export type Me = z.infer<typeof meSchema>;

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The portal user's own view: who they are, the portal (what a UI needs to lay itself out) and
 * their merged permissions per entity type and field. `changes` overlays a profile update the
 * read model has not caught up with yet.
 */
export function meView(access: PortalAccess, changes: ProfileChanges = {}): Me {
  const { portal, portalUser: user, perms } = access;
  const profile = {
    firstName: user.firstName,
    lastName: user.lastName,
    phone: stringOrNull(user.profile?.phone),
    language: stringOrNull(user.preferences?.language),
    caseNotifications: caseNotificationsOf(user.preferences),
  };
  for (const [field, change] of Object.entries(changes)) {
    if (field === 'notifyOnCaseUpdates') profile.caseNotifications = change.to === false ? 'none' : 'all';
    else (profile as Record<string, unknown>)[field] = change.to;
  }
  return {
    id: user.id,
    email: user.email,
    ...profile,
    notifyOnCaseUpdates: profile.caseNotifications !== 'none',
    contactId: user.contactId,
    accountIds: user.accountIds,
    portal: {
      id: portal.id,
      slug: portal.slug,
      name: portal.name,
      tabList: portal.tabList,
      quickCreateList: portal.quickCreateList,
      settings: portal.settings,
      // Name, logo and colour for the customer's pages.
      branding: portal.branding,
    },
    permissions: perms,
  };
}
