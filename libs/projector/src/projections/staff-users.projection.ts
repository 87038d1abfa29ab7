import type { RecordedEvent } from '@portal/event-store';
import {
  evolveStaffUser,
  initialStaffUserState,
  type StaffUserEvent,
  type StaffUserState,
} from '@portal/domain';
import { READ_MODELS, type StaffUserDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, type StoredAggregate } from './aggregate-states';
import type { Projection } from './projection';
import { trackedOf } from './tracking';

const STREAM = /^staffUser-(.+)$/;
const NOT_EDITS = new Set(['StaffUserLoggedIn', 'StaffUserLoginFailed']);

export function toStaffUserDoc(aggregate: StoredAggregate<StaffUserState>): StaffUserDoc | null {
  const s = aggregate.state;
  if (!s.exists || s.id === null || s.role === null) return null;
  return {
    id: s.id,
    email: s.email ?? '',
    name: s.name ?? '',
    role: s.role,
    isActive: s.isActive,
    ...trackedOf(aggregate),
  };
}

/** staff_users: admins, agents and auditors (never a password: the events carry none). */
export const staffUsersProjection: Projection = {
  name: 'staff_users',
  collections: [{ name: READ_MODELS.staffUsers, indexes: [{ name: 'email', paths: ['email'] }] }],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (!STREAM.test(event.stream)) return;
    const aggregate = await foldEvent(
      docs,
      event,
      (state: StaffUserState, e) => evolveStaffUser(state, e as StaffUserEvent),
      initialStaffUserState,
      { modifies: !NOT_EDITS.has(event.type), initialExtra: {} },
    );
    const doc = aggregate && toStaffUserDoc(aggregate);
    if (doc) docs.put(READ_MODELS.staffUsers, doc);
  },
};
