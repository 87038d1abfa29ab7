import { DomainError } from '../shared/domain-error';
import type { ClearSupportPeriod, SetSupportPeriod } from './portal-user.commands';
import type { SupportPeriodCleared, SupportPeriodSet } from './portal-user.events';
import { assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

// Support dates are calendar days in UTC; both ends count as inside the period.
function dayOf(now: string): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** No support period means no restriction (Vtiger: support dates are optional). */
export function isWithinSupportPeriod(state: PortalUserState, now: string): boolean {
  const period = state.supportPeriod;
  if (period === null) return true;
  const today = dayOf(now);
  return period.start <= today && today <= period.end;
}

/** The period is over for good: Vtiger sends no credentials then. A future start is not "ended". */
export function hasSupportPeriodEnded(state: PortalUserState, now: string): boolean {
  return state.supportPeriod !== null && state.supportPeriod.end < dayOf(now);
}

export function decideSetSupportPeriod(
  command: SetSupportPeriod,
  state: PortalUserState,
): SupportPeriodSet[] {
  assertPortalUserExists(state);
  const { start, end } = command;
  const errors = [
    ...(isIsoDate(start) ? [] : [{ path: 'start', message: 'must be a date YYYY-MM-DD' }]),
    ...(isIsoDate(end) ? [] : [{ path: 'end', message: 'must be a date YYYY-MM-DD' }]),
  ];
  if (errors.length === 0 && start > end) errors.push({ path: 'end', message: 'must not be before start' });
  if (errors.length > 0) {
    throw new DomainError('invalid_support_period', 'The support period is not valid.', 'invalid', errors);
  }
  if (state.supportPeriod?.start === start && state.supportPeriod.end === end) return [];
  return [{ type: 'SupportPeriodSet', data: { start, end } }];
}

export function decideClearSupportPeriod(
  _command: ClearSupportPeriod,
  state: PortalUserState,
): SupportPeriodCleared[] {
  assertPortalUserExists(state);
  return state.supportPeriod === null ? [] : [{ type: 'SupportPeriodCleared', data: {} }];
}
