// Given/when/then for the PortalUser specs: given past events, when a command, then events or a refusal.
import { fold } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { problem } from '../../shared/testing/refusal';
import type { PortalUserCommand } from '../portal-user.commands';
import { decidePortalUser } from '../portal-user.decide';
import type { PortalUserCreated, PortalUserEvent } from '../portal-user.events';
import { evolvePortalUser } from '../portal-user.evolve';
import { initialPortalUserState, type PortalUserState } from '../portal-user.state';

export const USER_ID = '11111111-1111-4111-8111-111111111111';
export const CONTACT_ID = '22222222-2222-4222-8222-222222222222';
export const ACCOUNT_ID = '33333333-3333-4333-8333-333333333333';
export const PORTAL_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const PORTAL_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const ROLE_ID = '44444444-4444-4444-8444-444444444444';
export const NOW = '2026-03-10T12:00:00.000Z';
export const STAFF_DOMAINS = ['acme.com'];
export const HASH_1 = 'a'.repeat(64);
export const HASH_2 = 'b'.repeat(64);

export type Outcome =
  | { events: PortalUserEvent[] }
  | { refused: { code: string; kind: string; errors: { path: string; message: string }[] } };

export function stateAfter(...events: PortalUserEvent[]): PortalUserState {
  return fold(evolvePortalUser, initialPortalUserState, events);
}

export function given(...events: PortalUserEvent[]): { when(command: PortalUserCommand): Outcome } {
  const state = stateAfter(...events);
  return {
    when(command) {
      try {
        return { events: decidePortalUser(command, state) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { refused: { code: error.code, kind: error.kind, errors: error.errors } };
      }
    },
  };
}

/**
 * What the API would answer for `command` after `events`: the refusal with its message (the problem
 * document's detail) as well as its code, kind and field errors.
 */
export function refusalAfter(
  events: PortalUserEvent[],
  command: PortalUserCommand,
): ReturnType<typeof problem> {
  return problem(() => decidePortalUser(command, stateAfter(...events)));
}

export function created(data: Partial<PortalUserCreated['data']> = {}): PortalUserCreated {
  return {
    type: 'PortalUserCreated',
    data: {
      portalUserId: USER_ID,
      email: 'jane@customer.org',
      firstName: 'Jane',
      lastName: 'Doe',
      contactId: CONTACT_ID,
      accountIds: [ACCOUNT_ID],
      portalIds: [PORTAL_A],
      roleIds: [],
      ...data,
    },
  };
}

/** Created, invited to portal A and accepted: the user has a password and is active. */
export function activeUserEvents(): PortalUserEvent[] {
  return [
    created(),
    {
      type: 'InvitationSent',
      data: {
        invitationId: 'inv-1',
        portalId: PORTAL_A,
        tokenHash: HASH_1,
        expiresAt: '2026-03-08T12:00:00.000Z',
        resend: false,
      },
    },
    { type: 'InvitationAccepted', data: { invitationId: 'inv-1', portalId: PORTAL_A } },
    { type: 'PortalUserPasswordSet', data: { reason: 'invitation' } },
  ];
}
