import type { StaffUserEvent } from './staff-user.events';
import type { StaffUserState } from './staff-user.state';

export function evolveStaffUser(state: StaffUserState, event: StaffUserEvent): StaffUserState {
  switch (event.type) {
    case 'StaffUserCreated':
      return {
        ...state,
        exists: true,
        id: event.data.staffUserId,
        email: event.data.email,
        name: event.data.name,
        role: event.data.role,
        isActive: true,
      };
    case 'StaffUserRoleChanged':
      return { ...state, role: event.data.to };
    case 'StaffUserDeactivated':
      return { ...state, isActive: false };
    case 'StaffUserActivated':
      return { ...state, isActive: true };
    case 'StaffUserLoggedIn':
      return { ...state, loginCount: state.loginCount + 1 };
    case 'StaffUserLoginFailed':
      return { ...state, failedLoginCount: state.failedLoginCount + 1 };
    case 'StaffUserPasswordSet':
      return { ...state, hasPassword: true };
    default:
      return state;
  }
}
