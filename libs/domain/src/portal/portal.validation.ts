import { DomainError } from '../shared/domain-error';
import {
  PORTAL_CRITERION_OPS,
  PORTAL_DASHLETS,
  PORTAL_DATE_FORMATS,
  type PortalBranding,
  type PortalConfiguration,
  type PortalCriterion,
  type PortalDashlet,
  type PortalRecordCriteria,
  type PortalSettings,
} from './portal.configuration';
import type { PortalErrorCode } from './portal.errors';

interface Issue {
  code: PortalErrorCode;
  path: string;
  message: string;
}

const SLUG = /^[a-z0-9-]{2,64}$/;
// A slug shaped like an id would make /v1/portals/{slug} and /v1/portals/{id} ambiguous.
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// The names the entity-type aggregate accepts; they also keep `__proto__` and the like out of maps.
const ENTITY_TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const CONSENT_VERSION = /^[A-Za-z0-9._-]{1,64}$/;
const TIME_ZONE_NAME = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;
// Branding ends up in pages portal users load: only plain colours and http(s) links.
const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

export function isPortalSlug(slug: string): boolean {
  return SLUG.test(slug) && !UUID_SHAPED.test(slug);
}

function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An IANA name the runtime knows (offsets such as `+01:00` are not names). */
export function isIanaTimeZone(value: string): boolean {
  if (!TIME_ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function settingsIssues(settings: PortalSettings): Issue[] {
  const issues: Issue[] = [];
  const at = (key: keyof PortalSettings) => `settings.${key}`;
  if (!LANGUAGE.test(settings.language))
    issues.push({
      code: 'invalid_language',
      path: at('language'),
      message: 'must be a locale such as en_US',
    });
  if (!isIanaTimeZone(settings.timeZone))
    issues.push({
      code: 'invalid_time_zone',
      path: at('timeZone'),
      message: 'must be an IANA time zone name',
    });
  if (!(PORTAL_DATE_FORMATS as readonly string[]).includes(settings.dateFormat))
    issues.push({
      code: 'invalid_date_format',
      path: at('dateFormat'),
      message: `must be one of ${PORTAL_DATE_FORMATS.join(', ')}`,
    });
  if (!CURRENCY.test(settings.currency))
    issues.push({ code: 'invalid_currency', path: at('currency'), message: 'must be an ISO 4217 code' });
  if (!isIntegerIn(settings.tokenLifetimeMinutes, 5, 43_200))
    issues.push({
      code: 'invalid_token_lifetime',
      path: at('tokenLifetimeMinutes'),
      message: 'must be a whole number from 5 to 43200',
    });
  if (!isIntegerIn(settings.idleTimeoutMinutes, 1, 10_080))
    issues.push({
      code: 'invalid_idle_timeout',
      path: at('idleTimeoutMinutes'),
      message: 'must be a whole number from 1 to 10080',
    });
  if (!isIntegerIn(settings.shareLinkMaxDays, 1, 90))
    issues.push({
      code: 'invalid_share_link_max_days',
      path: at('shareLinkMaxDays'),
      message: 'must be a whole number from 1 to 90',
    });
  if (settings.consentVersion !== null && !CONSENT_VERSION.test(settings.consentVersion))
    issues.push({
      code: 'invalid_consent_version',
      path: at('consentVersion'),
      message: 'must be null or 1 to 64 letters, digits, dots, dashes or underscores',
    });
  // The page links to the text users accept: a plain http(s) link, and one must exist while required.
  if (
    (settings.consentUrl !== null && !isHttpUrl(settings.consentUrl)) ||
    (settings.consentVersion !== null && settings.consentUrl === null)
  )
    issues.push({
      code: 'invalid_consent_url',
      path: at('consentUrl'),
      message: 'must be an http(s) URL, and is required while a consent version is set',
    });
  if (settings.maxUsers !== null && !isIntegerIn(settings.maxUsers, 1, Number.MAX_SAFE_INTEGER))
    issues.push({
      code: 'invalid_max_users',
      path: at('maxUsers'),
      message: 'must be null or a whole number ≥ 1',
    });
  return issues;
}

function brandingIssues(branding: PortalBranding): Issue[] {
  const issues: Issue[] = [];
  if (branding.logoUrl !== null && !isHttpUrl(branding.logoUrl))
    issues.push({ code: 'invalid_branding', path: 'branding.logoUrl', message: 'must be an http(s) URL' });
  if (branding.primaryColor !== null && !COLOR.test(branding.primaryColor))
    issues.push({
      code: 'invalid_branding',
      path: 'branding.primaryColor',
      message: 'must be a colour like #1a2b3c',
    });
  if (branding.companyName !== null && branding.companyName.length > 200)
    issues.push({
      code: 'invalid_branding',
      path: 'branding.companyName',
      message: 'must be at most 200 characters',
    });
  return issues;
}

function dashletIssues(layout: PortalDashlet[]): Issue[] {
  const issues: Issue[] = [];
  layout.forEach((item, i) => {
    if (!(PORTAL_DASHLETS as readonly string[]).includes(item.dashlet))
      issues.push({
        code: 'invalid_dashlet',
        path: `dashboardLayout.${i}.dashlet`,
        message: `must be one of ${PORTAL_DASHLETS.join(', ')}`,
      });
    if (item.options !== undefined && !isPlainObject(item.options))
      issues.push({
        code: 'invalid_dashlet',
        path: `dashboardLayout.${i}.options`,
        message: 'must be an object',
      });
  });
  return issues;
}

function criterionIssue(criterion: PortalCriterion, path: string): Issue | null {
  if (!FIELD_NAME.test(criterion.field))
    return { code: 'invalid_record_criteria', path, message: 'field is not a field name' };
  if (!(PORTAL_CRITERION_OPS as readonly string[]).includes(criterion.op))
    return {
      code: 'invalid_record_criteria',
      path,
      message: `op must be one of ${PORTAL_CRITERION_OPS.join(', ')}`,
    };
  const wantsList = criterion.op === 'in' || criterion.op === 'notIn';
  const value: unknown = criterion.value;
  if (wantsList && !(Array.isArray(value) && value.every(isScalar)))
    return { code: 'invalid_record_criteria', path, message: `${criterion.op} needs an array of values` };
  if (!wantsList && !isScalar(value))
    return { code: 'invalid_record_criteria', path, message: `${criterion.op} needs a single value` };
  return null;
}

function criteriaIssues(criteria: PortalRecordCriteria): Issue[] {
  if (!isPlainObject(criteria))
    return [{ code: 'invalid_record_criteria', path: 'recordCriteria', message: 'must be an object' }];
  const issues: Issue[] = [];
  for (const [entityType, list] of Object.entries(criteria)) {
    const at = `recordCriteria.${entityType}`;
    if (!ENTITY_TYPE_NAME.test(entityType)) {
      issues.push({ code: 'invalid_record_criteria', path: at, message: 'is not an entity type name' });
    } else if (!Array.isArray(list)) {
      issues.push({ code: 'invalid_record_criteria', path: at, message: 'must be an array of conditions' });
    } else {
      list.forEach((criterion, i) => {
        const issue: Issue | null = isPlainObject(criterion)
          ? criterionIssue(criterion, `${at}.${i}`)
          : { code: 'invalid_record_criteria', path: `${at}.${i}`, message: 'must be a condition' };
        if (issue) issues.push(issue);
      });
    }
  }
  return issues;
}

function configurationIssues(config: PortalConfiguration): Issue[] {
  const issues: Issue[] = [];
  if (config.name === '' || config.name.length > 200)
    issues.push({ code: 'invalid_portal_name', path: 'name', message: 'must be 1 to 200 characters' });
  if (!isPortalSlug(config.slug))
    issues.push({
      code: 'invalid_slug',
      path: 'slug',
      message: '2 to 64 lowercase letters, digits and hyphens, not shaped like an id',
    });
  if (config.url === '')
    issues.push({ code: 'invalid_portal_url', path: 'url', message: 'must not be empty' });
  if (config.customUrl !== null && !isHttpUrl(config.customUrl))
    issues.push({ code: 'invalid_custom_url', path: 'customUrl', message: 'must be an http(s) URL' });
  config.tabList.forEach((tab, i) => {
    if (!ENTITY_TYPE_NAME.test(tab))
      issues.push({ code: 'invalid_tab', path: `tabList.${i}`, message: 'is not an entity type name' });
  });
  config.quickCreateList.forEach((entityType, i) => {
    if (!config.tabList.includes(entityType))
      issues.push({
        code: 'quick_create_not_in_tabs',
        path: `quickCreateList.${i}`,
        message: 'must also be in tabList',
      });
  });
  issues.push(...dashletIssues(config.dashboardLayout));
  if (config.defaultCaseAssigneeId === '')
    issues.push({
      code: 'invalid_default_assignee',
      path: 'defaultCaseAssigneeId',
      message: 'must be an id or null',
    });
  issues.push(...criteriaIssues(config.recordCriteria));
  issues.push(...settingsIssues(config.settings));
  issues.push(...brandingIssues(config.branding));
  return issues;
}

/**
 * Checks the business rules of a whole configuration and returns it tidied (name trimmed, lists
 * without duplicates). Throws one DomainError listing every problem, with the first one's code.
 */
export function validPortalConfiguration(config: PortalConfiguration): PortalConfiguration {
  const tidy: PortalConfiguration = {
    ...config,
    name: config.name.trim(),
    tabList: unique(config.tabList),
    quickCreateList: unique(config.quickCreateList),
  };
  const issues = configurationIssues(tidy);
  const [first] = issues;
  if (first) {
    throw new DomainError(
      first.code,
      'The portal’s configuration is not valid',
      'invalid',
      issues.map(({ path, message }) => ({ path, message })),
    );
  }
  return tidy;
}

export function validPortalRoleIds(roleIds: string[]): string[] {
  const index = roleIds.findIndex((id) => id.trim() === '');
  if (index >= 0) {
    throw new DomainError('invalid_role_id', 'A role id must not be empty', 'invalid', [
      { path: `roleIds.${index}`, message: 'must not be empty' },
    ]);
  }
  return unique(roleIds);
}
