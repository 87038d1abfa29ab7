import type { RecordedEvent } from '@portal/event-store';
import {
  evolvePortalRole,
  initialPortalRoleState,
  type PortalRoleEvent,
  type PortalRoleState,
} from '@portal/domain';
import { READ_MODELS, type PortalRoleDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, type StoredAggregate } from './aggregate-states';
import type { Projection } from './projection';
import { trackedOf } from './tracking';

const STREAM = /^portalRole-(.+)$/;

export function toPortalRoleDoc(aggregate: StoredAggregate<PortalRoleState>): PortalRoleDoc | null {
  const s = aggregate.state;
  if (!s.exists || s.id === null) return null;
  return {
    id: s.id,
    name: s.name,
    scopes: s.scopes,
    fields: s.fields,
    deleted: s.deleted,
    ...trackedOf(aggregate),
  };
}

/** portal_roles: every role, deleted ones kept with `deleted: true` (their ids are never reused). */
export const portalRolesProjection: Projection = {
  name: 'portal_roles',
  collections: [
    { name: READ_MODELS.portalRoles, indexes: [{ name: 'deleted_name', paths: ['deleted', 'name'] }] },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (!STREAM.test(event.stream)) return;
    const aggregate = await foldEvent(
      docs,
      event,
      (state: PortalRoleState, e) => evolvePortalRole(state, e as PortalRoleEvent),
      initialPortalRoleState,
      { modifies: true, initialExtra: {} },
    );
    const doc = aggregate && toPortalRoleDoc(aggregate);
    if (doc) docs.put(READ_MODELS.portalRoles, doc);
  },
};
