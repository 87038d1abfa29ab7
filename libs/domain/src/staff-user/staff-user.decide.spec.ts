import type { Actor } from '../shared/actor';
import {
  decideActivateStaffUser,
  decideChangeStaffUserRole,
  decideCreateStaffUser,
  decideDeactivateStaffUser,
  decideLogInStaffUser,
  decideSetStaffUserPassword,
} from './staff-user.decide';
import type { StaffUserEvent } from './staff-user.events';
import { given, problem, refusal } from './testing/staff-user.scenario';

const id = 'u-1';
const admin: Actor = { type: 'staff', id: 'admin-1', name: 'Ada' };
const self: Actor = { type: 'staff', id, name: 'Jane' };
const created: StaffUserEvent = {
  type: 'StaffUserCreated',
  data: { staffUserId: id, email: 'jane@example.com', name: 'Jane', role: 'agent' },
};
const passwordSet: StaffUserEvent = { type: 'StaffUserPasswordSet', data: { staffUserId: id } };
const deactivated: StaffUserEvent = { type: 'StaffUserDeactivated', data: { staffUserId: id } };

describe('decideCreateStaffUser', () => {
  it('creates a user with a normalised email and a trimmed name', () => {
    expect(
      decideCreateStaffUser(
        { staffUserId: id, email: ' Jane@Example.COM ', name: ' Jane ', role: 'agent' },
        given([]),
      ),
    ).toEqual([created]);
  });

  it('refuses a second creation with staff_user_exists', () => {
    const error = refusal(() =>
      decideCreateStaffUser({ staffUserId: id, email: 'x@y.io', name: 'X', role: 'admin' }, given([created])),
    );
    expect([error.code, error.kind]).toEqual(['staff_user_exists', 'conflict']);
  });

  it.each(['', 'jane', 'jane@example', 'ja ne@example.com', 'a@b@c.io'])(
    'refuses the email %p with invalid_email',
    (email) => {
      const error = refusal(() =>
        decideCreateStaffUser({ staffUserId: id, email, name: 'J', role: 'agent' }, given([])),
      );
      expect([error.code, error.kind]).toEqual(['invalid_email', 'invalid']);
      expect(error.errors[0]?.path).toBe('email');
    },
  );

  it('refuses a blank name with invalid_name', () => {
    const error = refusal(() =>
      decideCreateStaffUser({ staffUserId: id, email: 'j@x.io', name: '  ', role: 'agent' }, given([])),
    );
    expect(error.code).toBe('invalid_name');
  });

  it('refuses an unknown role with invalid_role', () => {
    const error = refusal(() =>
      decideCreateStaffUser(
        { staffUserId: id, email: 'j@x.io', name: 'J', role: 'owner' as unknown as 'admin' },
        given([]),
      ),
    );
    expect(error.code).toBe('invalid_role');
  });
});

describe('decideChangeStaffUserRole', () => {
  it('changes the role, naming both', () => {
    expect(
      decideChangeStaffUserRole({ staffUserId: id, role: 'auditor', actor: admin }, given([created])),
    ).toEqual([{ type: 'StaffUserRoleChanged', data: { staffUserId: id, from: 'agent', to: 'auditor' } }]);
  });

  it('is a no-op for the role the user already has', () => {
    expect(
      decideChangeStaffUserRole({ staffUserId: id, role: 'agent', actor: self }, given([created])),
    ).toEqual([]);
  });

  it('refuses to change one’s own role with self_role_change', () => {
    const error = refusal(() =>
      decideChangeStaffUserRole({ staffUserId: id, role: 'admin', actor: self }, given([created])),
    );
    expect([error.code, error.kind]).toEqual(['self_role_change', 'forbidden']);
  });

  it('refuses an unknown role with invalid_role', () => {
    const error = refusal(() =>
      decideChangeStaffUserRole({ staffUserId: id, role: 'root' as 'admin', actor: admin }, given([created])),
    );
    expect(error.code).toBe('invalid_role');
  });

  it('refuses an unknown user with staff_user_not_found', () => {
    const error = refusal(() =>
      decideChangeStaffUserRole({ staffUserId: id, role: 'admin', actor: admin }, given([])),
    );
    expect([error.code, error.kind]).toEqual(['staff_user_not_found', 'not-found']);
  });
});

describe('decideDeactivateStaffUser / decideActivateStaffUser', () => {
  it('deactivates an active user, then activates again', () => {
    expect(decideDeactivateStaffUser({ staffUserId: id, actor: admin }, given([created]))).toEqual([
      deactivated,
    ]);
    expect(decideActivateStaffUser({ staffUserId: id }, given([created, deactivated]))).toEqual([
      { type: 'StaffUserActivated', data: { staffUserId: id } },
    ]);
  });

  it('is a no-op when the user already is in that state', () => {
    expect(
      decideDeactivateStaffUser({ staffUserId: id, actor: admin }, given([created, deactivated])),
    ).toEqual([]);
    expect(decideActivateStaffUser({ staffUserId: id }, given([created]))).toEqual([]);
  });

  it('refuses to deactivate oneself with self_deactivation', () => {
    const error = refusal(() =>
      decideDeactivateStaffUser({ staffUserId: id, actor: self }, given([created])),
    );
    expect([error.code, error.kind]).toEqual(['self_deactivation', 'forbidden']);
  });

  it('refuses an unknown user with staff_user_not_found', () => {
    expect(refusal(() => decideDeactivateStaffUser({ staffUserId: id, actor: admin }, given([]))).code).toBe(
      'staff_user_not_found',
    );
    expect(refusal(() => decideActivateStaffUser({ staffUserId: id }, given([]))).code).toBe(
      'staff_user_not_found',
    );
  });
});

describe('decideLogInStaffUser', () => {
  it('logs in an active user whose password matches', () => {
    expect(
      decideLogInStaffUser(
        { staffUserId: id, passwordMatches: true, ip: '10.0.0.1' },
        given([created, passwordSet]),
      ),
    ).toEqual([{ type: 'StaffUserLoggedIn', data: { staffUserId: id, ip: '10.0.0.1', userAgent: null } }]);
  });

  it('records a wrong password as a failed login', () => {
    expect(
      decideLogInStaffUser(
        { staffUserId: id, passwordMatches: false, userAgent: 'curl' },
        given([created, passwordSet]),
      ),
    ).toEqual([
      {
        type: 'StaffUserLoginFailed',
        data: { staffUserId: id, reason: 'wrong_password', ip: null, userAgent: 'curl' },
      },
    ]);
  });

  it('fails a user who never had a password set, whatever the API says matched', () => {
    const [event] = decideLogInStaffUser({ staffUserId: id, passwordMatches: true }, given([created]));
    expect(event).toMatchObject({ type: 'StaffUserLoginFailed', data: { reason: 'wrong_password' } });
  });

  it('fails a deactivated user even with the right password', () => {
    const [event] = decideLogInStaffUser(
      { staffUserId: id, passwordMatches: true },
      given([created, passwordSet, deactivated]),
    );
    expect(event).toMatchObject({ type: 'StaffUserLoginFailed', data: { reason: 'deactivated' } });
  });

  it('refuses an unknown user with staff_user_not_found', () => {
    expect(
      refusal(() => decideLogInStaffUser({ staffUserId: id, passwordMatches: true }, given([]))).code,
    ).toBe('staff_user_not_found');
  });
});

describe('decideSetStaffUserPassword', () => {
  it('records that a password was set, and nothing about it', () => {
    const events = decideSetStaffUserPassword({ staffUserId: id }, given([created]));
    expect(events).toEqual([passwordSet]);
    expect(Object.keys(events[0]?.data ?? {})).toEqual(['staffUserId']);
  });

  it('refuses an unknown user with staff_user_not_found', () => {
    expect(refusal(() => decideSetStaffUserPassword({ staffUserId: id }, given([]))).code).toBe(
      'staff_user_not_found',
    );
  });
});

describe('staff users: what each refusal tells', () => {
  const create =
    (overrides: Partial<{ email: string; name: string; role: string }> = {}) =>
    () =>
      decideCreateStaffUser(
        { staffUserId: id, email: 'j@x.io', name: 'J', role: 'agent', ...overrides } as never,
        given([]),
      );

  it('tells why it refuses a creation', () => {
    expect(
      problem(() =>
        decideCreateStaffUser(
          { staffUserId: id, email: 'j@x.io', name: 'J', role: 'agent' },
          given([created]),
        ),
      ),
    ).toEqual({
      code: 'staff_user_exists',
      kind: 'conflict',
      message: 'Staff user already exists',
      errors: [],
    });
    expect(problem(create({ email: 'jane' }))).toEqual({
      code: 'invalid_email',
      kind: 'invalid',
      message: 'Not a valid email address',
      errors: [{ path: 'email', message: 'must be an email address' }],
    });
    expect(problem(create({ name: ' ' }))).toEqual({
      code: 'invalid_name',
      kind: 'invalid',
      message: 'A staff user needs a name',
      errors: [{ path: 'name', message: 'must not be empty' }],
    });
    expect(problem(create({ role: 'owner' }))).toEqual({
      code: 'invalid_role',
      kind: 'invalid',
      message: 'Unknown staff role "owner"',
      errors: [{ path: 'role', message: 'must be one of admin, agent, auditor' }],
    });
  });

  it.each(['admin', 'agent', 'auditor'] as const)('creates a user with the role %s', (role) => {
    expect(create({ role })()).toMatchObject([{ data: { role } }]);
  });

  it('tells why it refuses a change of one’s own role, a deactivation of oneself, an unknown user', () => {
    expect(
      problem(() =>
        decideChangeStaffUserRole({ staffUserId: id, role: 'admin', actor: self }, given([created])),
      ),
    ).toEqual({
      code: 'self_role_change',
      kind: 'forbidden',
      message: 'You cannot change your own role',
      errors: [],
    });
    expect(
      problem(() => decideDeactivateStaffUser({ staffUserId: id, actor: self }, given([created]))),
    ).toEqual({
      code: 'self_deactivation',
      kind: 'forbidden',
      message: 'You cannot deactivate yourself',
      errors: [],
    });
    expect(problem(() => decideActivateStaffUser({ staffUserId: id }, given([])))).toEqual({
      code: 'staff_user_not_found',
      kind: 'not-found',
      message: 'Staff user not found',
      errors: [],
    });
  });

  it('lets an actor that is not this staff user change the role or deactivate, even with the same id', () => {
    const system: Actor = { type: 'system', id, name: 'system' };
    expect(
      decideChangeStaffUserRole({ staffUserId: id, role: 'admin', actor: system }, given([created])),
    ).toEqual([{ type: 'StaffUserRoleChanged', data: { staffUserId: id, from: 'agent', to: 'admin' } }]);
    expect(decideDeactivateStaffUser({ staffUserId: id, actor: system }, given([created]))).toEqual([
      deactivated,
    ]);
  });

  it('refuses an unknown role even when it would be a no-op check', () => {
    expect(
      refusal(() =>
        decideChangeStaffUserRole(
          { staffUserId: id, role: 'root' as 'admin', actor: self },
          given([created]),
        ),
      ).code,
    ).toBe('invalid_role');
  });

  it('records the ip and user agent of a deactivated user’s and a password-less user’s attempt', () => {
    const attempt = { staffUserId: id, passwordMatches: true, ip: '10.0.0.2', userAgent: 'curl' };
    expect(decideLogInStaffUser(attempt, given([created, passwordSet, deactivated]))).toEqual([
      {
        type: 'StaffUserLoginFailed',
        data: { staffUserId: id, reason: 'deactivated', ip: '10.0.0.2', userAgent: 'curl' },
      },
    ]);
    expect(decideLogInStaffUser({ ...attempt, passwordMatches: false }, given([created]))).toEqual([
      {
        type: 'StaffUserLoginFailed',
        data: { staffUserId: id, reason: 'wrong_password', ip: '10.0.0.2', userAgent: 'curl' },
      },
    ]);
  });
});
