import type { DomainEvent } from '../shared/decider';

export const STAFF_ROLES = ['admin', 'agent', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Why a login was refused; an unknown email has no stream, so the API logs that case itself. */
export type StaffLoginFailureReason = 'wrong_password' | 'deactivated';

export type StaffUserCreated = DomainEvent<
  'StaffUserCreated',
  { staffUserId: string; email: string; name: string; role: StaffRole }
>;
export type StaffUserRoleChanged = DomainEvent<
  'StaffUserRoleChanged',
  { staffUserId: string; from: StaffRole; to: StaffRole }
>;
export type StaffUserDeactivated = DomainEvent<'StaffUserDeactivated', { staffUserId: string }>;
export type StaffUserActivated = DomainEvent<'StaffUserActivated', { staffUserId: string }>;
export type StaffUserLoggedIn = DomainEvent<
  'StaffUserLoggedIn',
  { staffUserId: string; ip: string | null; userAgent: string | null }
>;
export type StaffUserLoginFailed = DomainEvent<
  'StaffUserLoginFailed',
  { staffUserId: string; reason: StaffLoginFailureReason; ip: string | null; userAgent: string | null }
>;
/** Says only that a password was set: the hash lives in the credential store, never in an event. */
export type StaffUserPasswordSet = DomainEvent<'StaffUserPasswordSet', { staffUserId: string }>;

export type StaffUserEvent =
  | StaffUserCreated
  | StaffUserRoleChanged
  | StaffUserDeactivated
  | StaffUserActivated
  | StaffUserLoggedIn
  | StaffUserLoginFailed
  | StaffUserPasswordSet;

export const STAFF_USER_EVENT_TYPES = [
  'StaffUserCreated',
  'StaffUserRoleChanged',
  'StaffUserDeactivated',
  'StaffUserActivated',
  'StaffUserLoggedIn',
  'StaffUserLoginFailed',
  'StaffUserPasswordSet',
] as const;
