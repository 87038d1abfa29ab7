import { PORTAL_DASHLETS } from '../portal/portal.configuration';
import { DomainError } from '../shared/domain-error';
import { jsonEqual } from '../shared/json-equality';
import type { PortalDashlet } from '../portal/portal.configuration';
import type { SetPortalUserDashboardLayout, UpdatePortalUserProfile } from './portal-user.commands';
import { CASE_NOTIFICATION_LEVELS } from './portal-user.events';
import type {
  PortalUserDashboardLayoutSet,
  PortalUserProfileUpdated,
  ProfileChanges,
  ProfileFields,
} from './portal-user.events';
import { assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

type FieldError = { path: string; message: string };

export const EDITABLE_PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'language',
  'notifyOnCaseUpdates',
  'caseNotifications',
] as const satisfies readonly (keyof ProfileFields)[];

function isEditable(field: string): field is keyof ProfileFields {
  return (EDITABLE_PROFILE_FIELDS as readonly string[]).includes(field);
}

function currentValues(state: PortalUserState): ProfileFields {
  return {
    firstName: state.firstName,
    lastName: state.lastName,
    phone: state.phone,
    language: state.preferences.language,
    notifyOnCaseUpdates: state.preferences.notifyOnCaseUpdates,
    caseNotifications: state.preferences.caseNotifications,
  };
}

/** Normalizes one value, or returns the reason it does not fit the field. */
function parseValue(field: keyof ProfileFields, value: unknown): { ok: unknown } | { error: string } {
  switch (field) {
    case 'firstName':
    case 'lastName':
      return typeof value === 'string' ? { ok: value.trim() } : { error: 'must be a string' };
    case 'phone':
    case 'language':
      if (value === null) return { ok: null };
      if (typeof value !== 'string') return { error: 'must be a string or null' };
      return { ok: value.trim() === '' ? null : value.trim() };
    case 'notifyOnCaseUpdates':
      return typeof value === 'boolean' ? { ok: value } : { error: 'must be a boolean' };
    case 'caseNotifications':
      return (CASE_NOTIFICATION_LEVELS as readonly unknown[]).includes(value)
        ? { ok: value }
        : { error: `must be one of ${CASE_NOTIFICATION_LEVELS.join(', ')}` };
  }
}

/**
 * A portal user's own profile. Any other field is refused as a whole (profile_field_not_editable,
 * 403): email goes through the email-change flow; roles, portals, status, contact and accounts
 * are staff business. Only fields whose value changes appear in the event; none: no event.
 */
export function decideUpdatePortalUserProfile(
  command: UpdatePortalUserProfile,
  state: PortalUserState,
): PortalUserProfileUpdated[] {
  assertPortalUserExists(state);
  const fields = Object.keys(command.changes);
  const forbidden = fields.filter((f) => !isEditable(f));
  if (forbidden.length > 0) {
    throw new DomainError(
      'profile_field_not_editable',
      'A portal user may not change these fields.',
      'forbidden',
      forbidden.map((f) => ({
        path: f,
        message: f === 'email' ? 'change the email through the email-change flow' : 'not editable',
      })),
    );
  }
  const before = currentValues(state);
  const after: Record<string, unknown> = { ...before };
  const errors: FieldError[] = [];
  for (const field of fields.filter(isEditable)) {
    const parsed = parseValue(field, command.changes[field]);
    if ('error' in parsed) errors.push({ path: field, message: parsed.error });
    else after[field] = parsed.ok;
  }
  if (errors.length === 0 && after.firstName === '' && after.lastName === '') {
    errors.push({ path: 'lastName', message: 'required when firstName is empty' });
  }
  if (errors.length > 0)
    throw new DomainError('invalid_profile', 'The profile is not valid.', 'invalid', errors);

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of EDITABLE_PROFILE_FIELDS) {
    if (after[field] !== before[field]) changes[field] = { from: before[field], to: after[field] };
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'PortalUserProfileUpdated', data: { changes: changes as ProfileChanges } }];
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dashletErrors(layout: readonly PortalDashlet[]): FieldError[] {
  const errors: FieldError[] = [];
  layout.forEach((item, i) => {
    if (!(PORTAL_DASHLETS as readonly string[]).includes(item.dashlet)) {
      errors.push({ path: `layout.${i}.dashlet`, message: `must be one of ${PORTAL_DASHLETS.join(', ')}` });
    }
    if (item.options !== undefined && !isPlainObject(item.options)) {
      errors.push({ path: `layout.${i}.options`, message: 'must be an object' });
    }
  });
  return errors;
}

/** Staff give a user a layout of their own (EspoCRM), from the portals' dashlets; null goes back to the portal's. */
export function decideSetPortalUserDashboardLayout(
  command: SetPortalUserDashboardLayout,
  state: PortalUserState,
): PortalUserDashboardLayoutSet[] {
  assertPortalUserExists(state);
  const { layout } = command;
  const errors = layout === null ? [] : dashletErrors(layout);
  if (errors.length > 0) {
    throw new DomainError('invalid_dashlet', 'The dashboard layout is not valid.', 'invalid', errors);
  }
  if (jsonEqual(layout, state.dashboardLayout)) return [];
  return [{ type: 'PortalUserDashboardLayoutSet', data: { layout } }];
}
