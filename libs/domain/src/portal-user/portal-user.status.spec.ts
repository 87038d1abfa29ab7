import { portalUserStatus } from './portal-user.status';
import { activeUserEvents, created, stateAfter } from './testing/portal-user.scenario';

const deactivated = { type: 'PortalUserDeactivated', data: {} } as const;
const pending = {
  type: 'EmailChangeRequested',
  data: { newEmail: 'new@customer.org', tokenHash: 'c'.repeat(64), expiresAt: '2026-03-17T12:00:00.000Z' },
} as const;

describe('portalUserStatus', () => {
  it('is invited until a password is set, even without or after an expired invitation', () => {
    expect(portalUserStatus(stateAfter(created()))).toBe('invited');
  });

  it('is active once a password is set', () => {
    expect(portalUserStatus(stateAfter(...activeUserEvents()))).toBe('active');
  });

  it('is suspended while an email change awaits confirmation', () => {
    expect(portalUserStatus(stateAfter(...activeUserEvents(), pending))).toBe('suspended');
  });

  it('is deactivated above everything else, and active again after activation', () => {
    expect(portalUserStatus(stateAfter(...activeUserEvents(), pending, deactivated))).toBe('deactivated');
    expect(portalUserStatus(stateAfter(created(), deactivated))).toBe('deactivated');
    expect(
      portalUserStatus(
        stateAfter(...activeUserEvents(), deactivated, { type: 'PortalUserActivated', data: {} }),
      ),
    ).toBe('active');
  });
});
