import type { Actor } from '../shared/actor';
import type { StaffRole } from './staff-user.events';

export interface CreateStaffUser {
  staffUserId: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** Carries the actor: an admin may not change their own role (no one locks themselves out). */
export interface ChangeStaffUserRole {
  staffUserId: string;
  role: StaffRole;
  actor: Actor;
}

/** Carries the actor: an admin may not deactivate themselves. */
export interface DeactivateStaffUser {
  staffUserId: string;
  actor: Actor;
}

export interface ActivateStaffUser {
  staffUserId: string;
}

/** The API checks the password against the credential store and passes only the verdict. */
export interface LogInStaffUser {
  staffUserId: string;
  passwordMatches: boolean;
  ip?: string | null;
  userAgent?: string | null;
}

export interface SetStaffUserPassword {
  staffUserId: string;
}
