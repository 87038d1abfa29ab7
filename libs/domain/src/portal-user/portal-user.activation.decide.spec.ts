import { created, given } from './testing/portal-user.scenario';

const deactivated = { type: 'PortalUserDeactivated', data: {} } as const;

describe('DeactivatePortalUser / ActivatePortalUser', () => {
  it('deactivates an active user', () => {
    expect(given(created()).when({ type: 'DeactivatePortalUser' })).toEqual({ events: [deactivated] });
  });

  it('is a no-op to deactivate a deactivated user', () => {
    expect(given(created(), deactivated).when({ type: 'DeactivatePortalUser' })).toEqual({ events: [] });
  });

  it('activates a deactivated user', () => {
    expect(given(created(), deactivated).when({ type: 'ActivatePortalUser' })).toEqual({
      events: [{ type: 'PortalUserActivated', data: {} }],
    });
  });

  it('is a no-op to activate a user who is not deactivated', () => {
    expect(given(created()).when({ type: 'ActivatePortalUser' })).toEqual({ events: [] });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when({ type: 'DeactivatePortalUser' })).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
    expect(given().when({ type: 'ActivatePortalUser' })).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
  });
});
