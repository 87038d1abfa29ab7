// Given/then for the StaffUser specs: the state after past events, and a refusal.
import { fold } from '../../shared/decider';
import type { StaffUserEvent } from '../staff-user.events';
import { evolveStaffUser } from '../staff-user.evolve';
import { initialStaffUserState, type StaffUserState } from '../staff-user.state';

export { problem, refusal } from '../../shared/testing/refusal';

export function given(events: StaffUserEvent[]): StaffUserState {
  return fold(evolveStaffUser, initialStaffUserState, events);
}
