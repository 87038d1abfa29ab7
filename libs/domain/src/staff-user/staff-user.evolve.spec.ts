import { fold } from '../shared/decider';
import type { StaffUserEvent } from './staff-user.events';
import { evolveStaffUser } from './staff-user.evolve';
import { initialStaffUserState } from './staff-user.state';

describe('evolveStaffUser', () => {
  it('folds a user’s life into its state', () => {
    const events: StaffUserEvent[] = [
      { type: 'StaffUserCreated', data: { staffUserId: 'u', email: 'a@b.io', name: 'A', role: 'agent' } },
      { type: 'StaffUserPasswordSet', data: { staffUserId: 'u' } },
      { type: 'StaffUserRoleChanged', data: { staffUserId: 'u', from: 'agent', to: 'admin' } },
      { type: 'StaffUserLoggedIn', data: { staffUserId: 'u', ip: null, userAgent: null } },
      {
        type: 'StaffUserLoginFailed',
        data: { staffUserId: 'u', reason: 'wrong_password', ip: null, userAgent: null },
      },
      { type: 'StaffUserDeactivated', data: { staffUserId: 'u' } },
    ];
    expect(fold(evolveStaffUser, initialStaffUserState, events)).toEqual({
      exists: true,
      id: 'u',
      email: 'a@b.io',
      name: 'A',
      role: 'admin',
      isActive: false,
      hasPassword: true,
      loginCount: 1,
      failedLoginCount: 1,
    });
  });

  it('makes a deactivated user active again, keeping the rest', () => {
    const events: StaffUserEvent[] = [
      { type: 'StaffUserCreated', data: { staffUserId: 'u', email: 'a@b.io', name: 'A', role: 'agent' } },
      { type: 'StaffUserDeactivated', data: { staffUserId: 'u' } },
      { type: 'StaffUserActivated', data: { staffUserId: 'u' } },
    ];
    expect(fold(evolveStaffUser, initialStaffUserState, events)).toEqual({
      ...initialStaffUserState,
      exists: true,
      id: 'u',
      email: 'a@b.io',
      name: 'A',
      role: 'agent',
      isActive: true,
    });
  });

  it('leaves the state alone for an event of another aggregate', () => {
    const foreign = { type: 'PortalCreated', data: {} } as unknown as StaffUserEvent;
    expect(evolveStaffUser(initialStaffUserState, foreign)).toBe(initialStaffUserState);
  });
});
