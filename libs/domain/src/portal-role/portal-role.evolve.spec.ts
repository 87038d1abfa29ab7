import { fold } from '../shared/decider';
import { toRoleDefinition } from './portal-role.definition';
import type { PortalRoleEvent } from './portal-role.events';
import { evolvePortalRole } from './portal-role.evolve';
import { initialPortalRoleState } from './portal-role.state';
import { portalRoleStream } from './portal-role.stream';

const events: PortalRoleEvent[] = [
  {
    type: 'PortalRoleCreated',
    data: { roleId: 'r', name: 'A', scopes: { Case: { read: 'own' } }, fields: {} },
  },
  {
    type: 'PortalRoleChanged',
    data: {
      roleId: 'r',
      changes: { scopes: { from: { Case: { read: 'own' } }, to: { Case: { read: 'all' } } } },
    },
  },
];

describe('evolvePortalRole and toRoleDefinition', () => {
  it('folds creation and changes into the definition the ACL reads', () => {
    const state = fold(evolvePortalRole, initialPortalRoleState, events);
    expect(toRoleDefinition(state)).toEqual({
      id: 'r',
      name: 'A',
      scopes: { Case: { read: 'all' } },
      fields: {},
    });
  });

  it('gives no definition for a role never created or deleted: it grants nothing', () => {
    expect(toRoleDefinition(initialPortalRoleState)).toBeNull();
    const state = fold(evolvePortalRole, initialPortalRoleState, [
      ...events,
      { type: 'PortalRoleDeleted', data: { roleId: 'r' } },
    ]);
    expect(state.deleted).toBe(true);
    expect(toRoleDefinition(state)).toBeNull();
  });

  it('names the stream portalRole-<id>', () => {
    expect(portalRoleStream('r')).toBe('portalRole-r');
  });
});
