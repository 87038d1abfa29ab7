import type { PortalUserState } from './portal-user.state';
import { toAclUser } from './portal-user.acl-user';
import { DomainError } from '../shared/domain-error';
import {
  ACCOUNT_ID,
  CONTACT_ID,
  PORTAL_A,
  PORTAL_B,
  USER_ID,
  activeUserEvents,
  created,
  stateAfter,
} from './testing/portal-user.scenario';

function refusal(state: PortalUserState, portalId: string): { code: string; kind: string } {
  try {
    toAclUser(state, portalId);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('toAclUser', () => {
  it('gives the ACL who the user is in this portal', () => {
    expect(toAclUser(stateAfter(...activeUserEvents()), PORTAL_A)).toEqual({
      portalUserId: USER_ID,
      portalId: PORTAL_A,
      contactId: CONTACT_ID,
      accountIds: [ACCOUNT_ID],
    });
  });

  it('follows account changes and users without contact', () => {
    const state = stateAfter(...activeUserEvents(), {
      type: 'PortalUserAccountsChanged',
      data: { from: [ACCOUNT_ID], to: ['acc-2'] },
    });
    expect(toAclUser(state, PORTAL_A).accountIds).toEqual(['acc-2']);
    const [, ...rest] = activeUserEvents();
    expect(
      toAclUser(stateAfter(created({ contactId: null, accountIds: [] }), ...rest), PORTAL_A),
    ).toMatchObject({
      contactId: null,
      accountIds: [],
    });
  });

  it('refuses a portal the user is not in', () => {
    expect(refusal(stateAfter(...activeUserEvents()), PORTAL_B)).toEqual({
      code: 'not_in_portal',
      kind: 'forbidden',
    });
  });

  it('refuses a user who is not active', () => {
    const active = activeUserEvents();
    expect(refusal(stateAfter(...active, { type: 'PortalUserDeactivated', data: {} }), PORTAL_A)).toEqual({
      code: 'user_deactivated',
      kind: 'forbidden',
    });
    const pending = {
      type: 'EmailChangeRequested',
      data: { newEmail: 'n@customer.org', tokenHash: 'c'.repeat(64), expiresAt: '2026-03-17T00:00:00.000Z' },
    } as const;
    expect(refusal(stateAfter(...active, pending), PORTAL_A)).toEqual({
      code: 'user_suspended',
      kind: 'forbidden',
    });
    expect(refusal(stateAfter(created()), PORTAL_A)).toEqual({ code: 'user_invited', kind: 'forbidden' });
  });

  it('refuses a user that does not exist', () => {
    expect(refusal(stateAfter(), PORTAL_A)).toEqual({ code: 'portal_user_not_found', kind: 'not-found' });
  });
});
