import type { PortalRoleEvent } from './portal-role.events';
import type { PortalRoleState } from './portal-role.state';

export function evolvePortalRole(state: PortalRoleState, event: PortalRoleEvent): PortalRoleState {
  switch (event.type) {
    case 'PortalRoleCreated':
      return {
        exists: true,
        deleted: false,
        id: event.data.roleId,
        name: event.data.name,
        scopes: event.data.scopes,
        fields: event.data.fields,
      };
    case 'PortalRoleChanged': {
      const { name, scopes, fields } = event.data.changes;
      return {
        ...state,
        name: name ? name.to : state.name,
        scopes: scopes ? scopes.to : state.scopes,
        fields: fields ? fields.to : state.fields,
      };
    }
    case 'PortalRoleDeleted':
      return { ...state, deleted: true };
    default:
      return state;
  }
}
