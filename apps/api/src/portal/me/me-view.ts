import type { ProfileChanges } from '@portal/domain';
import type { PortalAccess } from '../../auth/portal-access';

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The portal user's own view: who they are, the portal (what a UI needs to lay itself out) and
 * their merged permissions per entity type and field. `changes` overlays a profile update the
 * read model has not caught up with yet.
 */
export function meView(access: PortalAccess, changes: ProfileChanges = {}) {
  const { portal, portalUser: user, perms } = access;
  const profile = {
    firstName: user.firstName,
    lastName: user.lastName,
    phone: stringOrNull(user.profile?.phone),
    language: stringOrNull(user.preferences?.language),
    notifyOnCaseUpdates: user.preferences?.notifyOnCaseUpdates !== false,
  };
  for (const [field, change] of Object.entries(changes)) {
    (profile as Record<string, unknown>)[field] = change.to;
  }
  return {
    id: user.id,
    email: user.email,
    ...profile,
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
