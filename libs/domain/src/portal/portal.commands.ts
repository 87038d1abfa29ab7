import type {
  PortalBranding,
  PortalDashlet,
  PortalRecordCriteria,
  PortalSettings,
} from './portal.configuration';

/** Optional parts take their defaults (active, not default, empty lists, DEFAULT_PORTAL_SETTINGS). */
export interface CreatePortal {
  portalId: string;
  name: string;
  slug: string;
  /** Computed by the API from PUBLIC_URL and the slug. */
  url: string;
  isActive?: boolean;
  isDefault?: boolean;
  customUrl?: string | null;
  roleIds?: string[];
  tabList?: string[];
  quickCreateList?: string[];
  dashboardLayout?: PortalDashlet[];
  defaultCaseAssigneeId?: string | null;
  recordCriteria?: PortalRecordCriteria;
  settings?: Partial<PortalSettings>;
  branding?: Partial<PortalBranding>;
}

/**
 * The PATCH: absent keys stay as they are; `settings` and `branding` merge key by key (null clears
 * a branding key); lists, layout, criteria and roleIds are replaced whole. A new slug needs its new url.
 */
export interface UpdatePortal {
  portalId: string;
  name?: string;
  slug?: string;
  url?: string;
  isActive?: boolean;
  isDefault?: boolean;
  customUrl?: string | null;
  roleIds?: string[];
  tabList?: string[];
  quickCreateList?: string[];
  dashboardLayout?: PortalDashlet[];
  defaultCaseAssigneeId?: string | null;
  recordCriteria?: PortalRecordCriteria;
  settings?: Partial<PortalSettings>;
  branding?: Partial<PortalBranding>;
}

export interface AssignRoleToPortal {
  portalId: string;
  roleId: string;
}

export interface UnassignRoleFromPortal {
  portalId: string;
  roleId: string;
}

/** For the new default; the API also sends UnsetPortalDefault to the old one. */
export interface MakePortalDefault {
  portalId: string;
}

export interface UnsetPortalDefault {
  portalId: string;
  /** The portal that became default instead; null (or absent) when an admin just unsets it. */
  replacedBy?: string | null;
}

export interface TakePortalSeat {
  portalId: string;
  portalUserId: string;
}

export interface ReleasePortalSeat {
  portalId: string;
  portalUserId: string;
}
