import type { DomainEvent } from '../shared/decider';
import type {
  PortalBranding,
  PortalConfiguration,
  PortalDashlet,
  PortalRecordCriteria,
  PortalSettings,
} from './portal.configuration';

export interface PortalChange<T> {
  from: T;
  to: T;
}

/**
 * The keys PortalSettingsChanged may carry, each with its old and new value: settings and
 * branding per key (what auditors read), the lists and criteria whole.
 */
export interface PortalChanges {
  url?: PortalChange<string>;
  customUrl?: PortalChange<string | null>;
  tabList?: PortalChange<string[]>;
  quickCreateList?: PortalChange<string[]>;
  dashboardLayout?: PortalChange<PortalDashlet[]>;
  defaultCaseAssigneeId?: PortalChange<string | null>;
  recordCriteria?: PortalChange<PortalRecordCriteria>;
  'settings.language'?: PortalChange<string>;
  'settings.timeZone'?: PortalChange<string>;
  'settings.dateFormat'?: PortalChange<string>;
  'settings.currency'?: PortalChange<string>;
  'settings.tokenLifetimeMinutes'?: PortalChange<number>;
  'settings.idleTimeoutMinutes'?: PortalChange<number>;
  'settings.maxUsers'?: PortalChange<number | null>;
  'settings.shareLinkMaxDays'?: PortalChange<number>;
  'settings.consentVersion'?: PortalChange<string | null>;
  'settings.consentUrl'?: PortalChange<string | null>;
  'branding.logoUrl'?: PortalChange<string | null>;
  'branding.primaryColor'?: PortalChange<string | null>;
  'branding.companyName'?: PortalChange<string | null>;
}

export type PortalChangeKey = keyof PortalChanges;

export const PORTAL_TOP_LEVEL_CHANGE_KEYS = [
  'url',
  'customUrl',
  'tabList',
  'quickCreateList',
  'dashboardLayout',
  'defaultCaseAssigneeId',
  'recordCriteria',
] as const satisfies readonly PortalChangeKey[];
export const PORTAL_SETTINGS_KEYS = [
  'language',
  'timeZone',
  'dateFormat',
  'currency',
  'tokenLifetimeMinutes',
  'idleTimeoutMinutes',
  'maxUsers',
  'shareLinkMaxDays',
  'consentVersion',
  'consentUrl',
] as const satisfies readonly (keyof PortalSettings)[];
export const PORTAL_BRANDING_KEYS = [
  'logoUrl',
  'primaryColor',
  'companyName',
] as const satisfies readonly (keyof PortalBranding)[];

export type PortalCreated = DomainEvent<
  'PortalCreated',
  PortalConfiguration & { portalId: string; isActive: boolean; isDefault: boolean; roleIds: string[] }
>;
export type PortalRenamed = DomainEvent<'PortalRenamed', { portalId: string; from: string; to: string }>;
export type PortalSlugChanged = DomainEvent<
  'PortalSlugChanged',
  { portalId: string; from: string; to: string; url: PortalChange<string> }
>;
/** Only the keys that changed; never empty. */
export type PortalSettingsChanged = DomainEvent<
  'PortalSettingsChanged',
  { portalId: string; changes: PortalChanges }
>;
export type PortalActivated = DomainEvent<'PortalActivated', { portalId: string }>;
export type PortalDeactivated = DomainEvent<'PortalDeactivated', { portalId: string }>;
export type PortalMadeDefault = DomainEvent<'PortalMadeDefault', { portalId: string }>;
/** On the old default's stream; `replacedBy` names the new default, null when an admin just unset it. */
export type PortalDefaultUnset = DomainEvent<
  'PortalDefaultUnset',
  { portalId: string; replacedBy: string | null }
>;
/** The contract's RoleAssigned; `target` tells it apart from a role assigned to a portal user. */
export type RoleAssignedToPortal = DomainEvent<
  'RoleAssigned',
  { target: 'portal'; portalId: string; roleId: string }
>;
export type RoleUnassignedFromPortal = DomainEvent<
  'RoleUnassigned',
  { target: 'portal'; portalId: string; roleId: string }
>;
export type PortalSeatTaken = DomainEvent<'PortalSeatTaken', { portalId: string; portalUserId: string }>;
export type PortalSeatReleased = DomainEvent<
  'PortalSeatReleased',
  { portalId: string; portalUserId: string }
>;

export type PortalEvent =
  | PortalCreated
  | PortalRenamed
  | PortalSlugChanged
  | PortalSettingsChanged
  | PortalActivated
  | PortalDeactivated
  | PortalMadeDefault
  | PortalDefaultUnset
  | RoleAssignedToPortal
  | RoleUnassignedFromPortal
  | PortalSeatTaken
  | PortalSeatReleased;

export const PORTAL_EVENT_TYPES = [
  'PortalCreated',
  'PortalRenamed',
  'PortalSlugChanged',
  'PortalSettingsChanged',
  'PortalActivated',
  'PortalDeactivated',
  'PortalMadeDefault',
  'PortalDefaultUnset',
  'RoleAssigned',
  'RoleUnassigned',
  'PortalSeatTaken',
  'PortalSeatReleased',
] as const;
