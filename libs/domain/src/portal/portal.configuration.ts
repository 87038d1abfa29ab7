import type { Scalar } from '@portal/acl';

/** The dashlets a portal's home page can show (portal users cannot configure their own). */
export const PORTAL_DASHLETS = [
  'OpenCasesByPriority',
  'RecentCases',
  'RecentKnowledgeBaseArticles',
  'CaseResolutionTimeByPriority',
  'Announcement',
] as const;
export type PortalDashletName = (typeof PORTAL_DASHLETS)[number];

export interface PortalDashlet {
  dashlet: PortalDashletName;
  /** Plain JSON the dashlet reads (e.g. `{ text }` for an Announcement, `{ limit }` for a list). */
  options?: Record<string, unknown>;
}

export const PORTAL_CRITERION_OPS = ['eq', 'ne', 'in', 'notIn'] as const;
export type PortalCriterionOp = (typeof PORTAL_CRITERION_OPS)[number];

/** One condition on `fields.<field>` of a record; `in`/`notIn` take an array, `eq`/`ne` a scalar. */
export type PortalCriterion =
  { field: string; op: 'eq' | 'ne'; value: Scalar } | { field: string; op: 'in' | 'notIn'; value: Scalar[] };

/** Per entity type, conditions (ANDed) a record must meet to be exposed by the portal at all. */
export type PortalRecordCriteria = Record<string, PortalCriterion[]>;

export const PORTAL_DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
] as const;

export interface PortalSettings {
  /** Locale code such as `en_US`. */
  language: string;
  /** IANA time zone name. */
  timeZone: string;
  dateFormat: string;
  /** ISO 4217 code. */
  currency: string;
  /** How long a portal user's token lives: 5 minutes to 30 days. */
  tokenLifetimeMinutes: number;
  /** Logout after this long without requests: 1 minute to 7 days (may exceed the token lifetime). */
  idleTimeoutMinutes: number;
  /** Seat limit; null means unlimited. */
  maxUsers: number | null;
  /**
   * The longest a share link made by a portal user of this portal may live, in days (1 to 90).
   * Portals created before share links carry no value: they get the default (see withDefaultSettings).
   */
  shareLinkMaxDays: number;
  /**
   * The version of the terms/privacy text a portal user must accept to use the portal; null: none
   * required. A new version makes everyone accept again. Absent from older events: null.
   */
  consentVersion: string | null;
  /** Where the text of that version is read (shown on the consent page); null when none. */
  consentUrl: string | null;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  language: 'en_US',
  timeZone: 'UTC',
  dateFormat: 'YYYY-MM-DD',
  currency: 'USD',
  tokenLifetimeMinutes: 60,
  idleTimeoutMinutes: 30,
  maxUsers: null,
  shareLinkMaxDays: 30,
  consentVersion: null,
  consentUrl: null,
};

/**
 * Settings as stored by any PortalCreated, old or new: a key added later (shareLinkMaxDays) is
 * absent from events written before it existed and means its default there. The event is read as
 * it was written; only the missing key is filled.
 */
export function withDefaultSettings(settings: Partial<PortalSettings>): PortalSettings {
  return { ...DEFAULT_PORTAL_SETTINGS, ...settings };
}

/** What the portal looks like; null where the portal shows the service's default. */
export interface PortalBranding {
  logoUrl: string | null;
  primaryColor: string | null;
  companyName: string | null;
}

export const EMPTY_PORTAL_BRANDING: PortalBranding = { logoUrl: null, primaryColor: null, companyName: null };

/** The parts of a portal an admin edits freely (activation, default, roles and seats have their own events). */
export interface PortalConfiguration {
  name: string;
  slug: string;
  /** Computed by the API from PUBLIC_URL and the slug. */
  url: string;
  customUrl: string | null;
  tabList: string[];
  quickCreateList: string[];
  dashboardLayout: PortalDashlet[];
  defaultCaseAssigneeId: string | null;
  recordCriteria: PortalRecordCriteria;
  settings: PortalSettings;
  branding: PortalBranding;
}
