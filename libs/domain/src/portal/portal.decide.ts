import { jsonEqual } from '../shared/json-equality';
import { DomainError } from '../shared/domain-error';
import type { CreatePortal, UpdatePortal } from './portal.commands';
import {
  DEFAULT_PORTAL_SETTINGS,
  EMPTY_PORTAL_BRANDING,
  type PortalBranding,
  type PortalConfiguration,
  type PortalDashlet,
  type PortalSettings,
} from './portal.configuration';
import {
  PORTAL_BRANDING_KEYS,
  PORTAL_SETTINGS_KEYS,
  PORTAL_TOP_LEVEL_CHANGE_KEYS,
  type PortalChanges,
  type PortalEvent,
} from './portal.events';
import { assertPortalExists } from './portal.preconditions';
import type { PortalState } from './portal.state';
import { validPortalConfiguration, validPortalRoleIds } from './portal.validation';

// Only known keys with a value: `{ maxUsers: undefined }` keeps the old value, stray keys are ignored.
function pickSettings(patch: Partial<PortalSettings> | undefined): Partial<PortalSettings> {
  const out: Partial<PortalSettings> = {};
  for (const key of PORTAL_SETTINGS_KEYS) {
    if (patch?.[key] !== undefined) Object.assign(out, { [key]: patch[key] });
  }
  return out;
}

function pickBranding(patch: Partial<PortalBranding> | undefined): Partial<PortalBranding> {
  const out: Partial<PortalBranding> = {};
  for (const key of PORTAL_BRANDING_KEYS) {
    const value = patch?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function copyLayout(layout: PortalDashlet[]): PortalDashlet[] {
  return layout.map(({ dashlet, options }) => (options === undefined ? { dashlet } : { dashlet, options }));
}

/** `undefined` keeps the old value; null is a value (it clears customUrl or the default assignee). */
function orKeep<T>(value: T | undefined, old: T): T {
  return value === undefined ? old : value;
}

export function decideCreatePortal(command: CreatePortal, state: PortalState): PortalEvent[] {
  if (state.exists) throw new DomainError('portal_exists', 'Portal already exists', 'conflict');
  const config = validPortalConfiguration({
    name: command.name,
    slug: command.slug,
    url: command.url,
    customUrl: command.customUrl ?? null,
    tabList: command.tabList ?? [],
    quickCreateList: command.quickCreateList ?? [],
    dashboardLayout: copyLayout(command.dashboardLayout ?? []),
    defaultCaseAssigneeId: command.defaultCaseAssigneeId ?? null,
    recordCriteria: command.recordCriteria ?? {},
    settings: { ...DEFAULT_PORTAL_SETTINGS, ...pickSettings(command.settings) },
    branding: { ...EMPTY_PORTAL_BRANDING, ...pickBranding(command.branding) },
  });
  return [
    {
      type: 'PortalCreated',
      data: {
        portalId: command.portalId,
        ...config,
        isActive: command.isActive ?? true,
        isDefault: command.isDefault ?? false,
        roleIds: validPortalRoleIds(command.roleIds ?? []),
      },
    },
  ];
}

function configurationChanges(before: PortalConfiguration, after: PortalConfiguration): PortalChanges {
  const changes: PortalChanges = {};
  for (const key of PORTAL_TOP_LEVEL_CHANGE_KEYS) {
    // A new url that comes with a new slug is told by PortalSlugChanged.
    if (key === 'url' && before.slug !== after.slug) continue;
    if (!jsonEqual(before[key], after[key]))
      Object.assign(changes, { [key]: { from: before[key], to: after[key] } });
  }
  for (const key of PORTAL_SETTINGS_KEYS) {
    const [from, to] = [before.settings[key], after.settings[key]];
    if (from !== to) Object.assign(changes, { [`settings.${key}`]: { from, to } });
  }
  for (const key of PORTAL_BRANDING_KEYS) {
    const [from, to] = [before.branding[key], after.branding[key]];
    if (from !== to) changes[`branding.${key}`] = { from, to };
  }
  return changes;
}

/**
 * The PATCH: validates the portal as it would be, then emits one event per kind of change
 * (rename, slug, settings, each role, activation, default) and nothing when nothing changed.
 * Making it default here does not touch the old default: the API sends UnsetPortalDefault there.
 */
export function decideUpdatePortal(command: UpdatePortal, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  const portalId = command.portalId;
  if (command.slug !== undefined && command.slug !== state.slug && command.url === undefined) {
    throw new DomainError('portal_url_missing', 'A new slug needs its new url', 'invalid', [
      { path: 'url', message: 'is required when the slug changes' },
    ]);
  }
  const next = validPortalConfiguration({
    name: orKeep(command.name, state.name),
    slug: orKeep(command.slug, state.slug),
    url: orKeep(command.url, state.url),
    customUrl: orKeep(command.customUrl, state.customUrl),
    tabList: orKeep(command.tabList, state.tabList),
    quickCreateList: orKeep(command.quickCreateList, state.quickCreateList),
    dashboardLayout: command.dashboardLayout ? copyLayout(command.dashboardLayout) : state.dashboardLayout,
    defaultCaseAssigneeId: orKeep(command.defaultCaseAssigneeId, state.defaultCaseAssigneeId),
    recordCriteria: orKeep(command.recordCriteria, state.recordCriteria),
    settings: { ...state.settings, ...pickSettings(command.settings) },
    branding: { ...state.branding, ...pickBranding(command.branding) },
  });
  const roleIds = command.roleIds === undefined ? state.roleIds : validPortalRoleIds(command.roleIds);

  const events: PortalEvent[] = [];
  if (next.name !== state.name)
    events.push({ type: 'PortalRenamed', data: { portalId, from: state.name, to: next.name } });
  if (next.slug !== state.slug) {
    events.push({
      type: 'PortalSlugChanged',
      data: { portalId, from: state.slug, to: next.slug, url: { from: state.url, to: next.url } },
    });
  }
  const changes = configurationChanges(state, next);
  if (Object.keys(changes).length > 0)
    events.push({ type: 'PortalSettingsChanged', data: { portalId, changes } });
  for (const roleId of roleIds.filter((id) => !state.roleIds.includes(id))) {
    events.push({ type: 'RoleAssigned', data: { target: 'portal', portalId, roleId } });
  }
  for (const roleId of state.roleIds.filter((id) => !roleIds.includes(id))) {
    events.push({ type: 'RoleUnassigned', data: { target: 'portal', portalId, roleId } });
  }
  if (command.isActive !== undefined && command.isActive !== state.isActive) {
    events.push({ type: command.isActive ? 'PortalActivated' : 'PortalDeactivated', data: { portalId } });
  }
  if (command.isDefault === true && !state.isDefault)
    events.push({ type: 'PortalMadeDefault', data: { portalId } });
  if (command.isDefault === false && state.isDefault) {
    events.push({ type: 'PortalDefaultUnset', data: { portalId, replacedBy: null } });
  }
  return events;
}
