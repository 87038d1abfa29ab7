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
import { given, refusal } from './testing/staff-user.scenario';

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
