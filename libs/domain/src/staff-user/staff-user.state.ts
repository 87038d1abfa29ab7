import type { StaffRole } from './staff-user.events';

export interface StaffUserState {
  /** False until StaffUserCreated: every command but create is refused before. */
  exists: boolean;
  id: string | null;
  email: string | null;
  name: string | null;
  role: StaffRole | null;
  isActive: boolean;
  hasPassword: boolean;
  loginCount: number;
  failedLoginCount: number;
}

export const initialStaffUserState: StaffUserState = {
  exists: false,
  id: null,
  email: null,
  name: null,
  role: null,
  isActive: false,
  hasPassword: false,
  loginCount: 0,
  failedLoginCount: 0,
};
