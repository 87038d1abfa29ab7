import { DomainError } from '../shared/domain-error';
import type {
  ActivateStaffUser,
  ChangeStaffUserRole,
  CreateStaffUser,
  DeactivateStaffUser,
  LogInStaffUser,
  SetStaffUserPassword,
} from './staff-user.commands';
import { isStaffUserEmail, normaliseStaffUserEmail } from './staff-user.email';
import { STAFF_ROLES, type StaffRole, type StaffUserEvent } from './staff-user.events';
import type { StaffUserState } from './staff-user.state';

function assertExists(state: StaffUserState): void {
  if (!state.exists) throw new DomainError('staff_user_not_found', 'Staff user not found', 'not-found');
}

function assertRole(role: string): asserts role is StaffRole {
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    throw new DomainError('invalid_role', `Unknown staff role "${role}"`, 'invalid', [
      { path: 'role', message: `must be one of ${STAFF_ROLES.join(', ')}` },
    ]);
  }
}

export function decideCreateStaffUser(command: CreateStaffUser, state: StaffUserState): StaffUserEvent[] {
  if (state.exists) throw new DomainError('staff_user_exists', 'Staff user already exists', 'conflict');
  const email = normaliseStaffUserEmail(command.email);
  if (!isStaffUserEmail(email)) {
    throw new DomainError('invalid_email', 'Not a valid email address', 'invalid', [
      { path: 'email', message: 'must be an email address' },
    ]);
  }
  const name = command.name.trim();
  if (name === '') {
    throw new DomainError('invalid_name', 'A staff user needs a name', 'invalid', [
      { path: 'name', message: 'must not be empty' },
    ]);
  }
  assertRole(command.role);
  return [
    {
      type: 'StaffUserCreated',
      data: { staffUserId: command.staffUserId, email, name, role: command.role },
    },
  ];
}

export function decideChangeStaffUserRole(
  command: ChangeStaffUserRole,
  state: StaffUserState,
): StaffUserEvent[] {
  assertExists(state);
  assertRole(command.role);
  if (state.role === command.role) return [];
  if (command.actor.type === 'staff' && command.actor.id === command.staffUserId) {
    throw new DomainError('self_role_change', 'You cannot change your own role', 'forbidden');
  }
  return [
    {
      type: 'StaffUserRoleChanged',
      data: { staffUserId: command.staffUserId, from: state.role as StaffRole, to: command.role },
    },
  ];
}

export function decideDeactivateStaffUser(
  command: DeactivateStaffUser,
  state: StaffUserState,
): StaffUserEvent[] {
  assertExists(state);
  if (!state.isActive) return [];
  if (command.actor.type === 'staff' && command.actor.id === command.staffUserId) {
    throw new DomainError('self_deactivation', 'You cannot deactivate yourself', 'forbidden');
  }
  return [{ type: 'StaffUserDeactivated', data: { staffUserId: command.staffUserId } }];
}

export function decideActivateStaffUser(command: ActivateStaffUser, state: StaffUserState): StaffUserEvent[] {
  assertExists(state);
  if (state.isActive) return [];
  return [{ type: 'StaffUserActivated', data: { staffUserId: command.staffUserId } }];
}

/**
 * Never refuses a known user: a failed attempt is an event too (auditors read them), so the
 * API appends whatever comes back and answers 200 only for StaffUserLoggedIn.
 */
export function decideLogInStaffUser(command: LogInStaffUser, state: StaffUserState): StaffUserEvent[] {
  assertExists(state);
  const ip = command.ip ?? null;
  const userAgent = command.userAgent ?? null;
  // A deactivated user learns nothing more than a wrong password would tell them.
  if (!state.isActive) {
    return [
      {
        type: 'StaffUserLoginFailed',
        data: { staffUserId: command.staffUserId, reason: 'deactivated', ip, userAgent },
      },
    ];
  }
  if (!command.passwordMatches || !state.hasPassword) {
    return [
      {
        type: 'StaffUserLoginFailed',
        data: { staffUserId: command.staffUserId, reason: 'wrong_password', ip, userAgent },
      },
    ];
  }
  return [{ type: 'StaffUserLoggedIn', data: { staffUserId: command.staffUserId, ip, userAgent } }];
}

export function decideSetStaffUserPassword(
  command: SetStaffUserPassword,
  state: StaffUserState,
): StaffUserEvent[] {
  assertExists(state);
  return [{ type: 'StaffUserPasswordSet', data: { staffUserId: command.staffUserId } }];
}
