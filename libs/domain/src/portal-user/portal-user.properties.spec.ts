import fc from 'fast-check';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { PortalUserCommand } from './portal-user.commands';
import { decidePortalUser } from './portal-user.decide';
import type { PortalUserEvent } from './portal-user.events';
import { evolvePortalUser } from './portal-user.evolve';
import { initialPortalUserState, type PortalUserState } from './portal-user.state';
import { portalUserStatus } from './portal-user.status';
import { isWithinSupportPeriod } from './portal-user.support-period';
import { hasRequiredConsent } from './portal-user.consent.decide';
import { mayUsePortal } from './portal-user.portal-use';
import { PORTAL_A, PORTAL_B, STAFF_DOMAINS, USER_ID } from './testing/portal-user.scenario';

// Random command sequences over a small world: two portals, a few instants, tokens issued once each.
const portal = fc.oneof(
  { arbitrary: fc.constant(PORTAL_A), weight: 3 },
  { arbitrary: fc.constant(PORTAL_B), weight: 1 },
  { arbitrary: fc.constant('portal-c'), weight: 1 },
);
const now = fc.constantFrom(
  '2026-03-10T12:00:00.000Z',
  '2026-03-10T12:59:00.000Z',
  '2026-03-11T00:00:00.000Z',
  '2026-03-20T00:00:00.000Z',
);
/** A portal's required consent version, or one a login accepts (often none). */
const consentVersion = fc.constantFrom<string | null>(null, null, 'v1', 'v2');
const loginConsent = fc.constantFrom<string | null>(null, null, null, 'v1');
const NOW_REF = '2026-03-10T12:00:00.000Z';
/** Which issued token a command presents, counting back from the latest (often the latest; maybe none). */
const pick = fc.oneof(fc.constant(0), fc.nat({ max: 4 }));
const ISSUE = 'to be issued';

const command: fc.Arbitrary<{ command: PortalUserCommand; pick: number }> = fc
  .tuple(
    fc.oneof(
      {
        arbitrary: fc.record({ type: fc.constant('AddPortalUserToPortal' as const), portalId: portal }),
        weight: 1,
      },
      {
        arbitrary: fc.record({ type: fc.constant('RemovePortalUserFromPortal' as const), portalId: portal }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('TransferPortalUser' as const),
          fromPortalId: portal,
          toPortalId: portal,
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('AssignPortalUserRole' as const),
          roleId: fc.constantFrom('r1', 'r2'),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('UnassignPortalUserRole' as const),
          roleId: fc.constantFrom('r1', 'r2'),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('SendInvitation' as const),
          invitationId: fc.uuid(),
          portalId: portal,
          tokenHash: fc.constant(ISSUE),
          now,
          staffEmailDomains: fc.constant(STAFF_DOMAINS),
          contactDeleted: fc.constantFrom(false, false, false, true),
        }),
        weight: 4,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('AcceptInvitation' as const),
          portalId: portal,
          tokenHash: fc.constant(''),
          now,
        }),
        weight: 4,
      },
      { arbitrary: fc.record({ type: fc.constant('ExpireInvitations' as const), now }), weight: 2 },
      {
        arbitrary: fc.record({
          type: fc.constant('RequestPasswordReset' as const),
          resetId: fc.uuid(),
          portalId: portal,
          tokenHash: fc.constant(ISSUE),
          now,
        }),
        weight: 3,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('ResetPassword' as const),
          portalId: portal,
          tokenHash: fc.constant(''),
          now,
        }),
        weight: 3,
      },
      { arbitrary: fc.constant({ type: 'ActivatePortalUser' as const }), weight: 2 },
      { arbitrary: fc.constant({ type: 'DeactivatePortalUser' as const }), weight: 1 },
      {
        arbitrary: fc.record({
          type: fc.constant('RequestEmailChange' as const),
          newEmail: fc.constantFrom('a@customer.org', 'b@customer.org', 'x@acme.com', 'bad'),
          tokenHash: fc.constant(ISSUE),
          now,
          staffEmailDomains: fc.constant(STAFF_DOMAINS),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('ConfirmEmailChange' as const),
          tokenHash: fc.constant(''),
          now,
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('SetSupportPeriod' as const),
          start: fc.constantFrom('2026-03-01', '2026-03-11'),
          end: fc.constantFrom('2026-03-10', '2026-03-31'),
        }),
        weight: 1,
      },
      { arbitrary: fc.constant({ type: 'ClearSupportPeriod' as const }), weight: 1 },
      {
        arbitrary: fc.record({
          type: fc.constant('LogIn' as const),
          portalId: portal,
          passwordOk: fc.boolean(),
          sessionId: fc.uuid(),
          ip: fc.constant('203.0.113.7'),
          userAgent: fc.constant('ua'),
          now,
          consent: fc.record({ required: loginConsent, accepted: loginConsent }),
        }),
        weight: 4,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('GiveConsent' as const),
          portalId: portal,
          version: fc.constantFrom('v1', 'v2'),
          required: consentVersion,
        }),
        weight: 2,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('WithdrawConsent' as const),
          portalId: portal,
          version: fc.constantFrom('v1', 'v2'),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('RestrictProcessing' as const),
          subjectId: fc.constant(USER_ID),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          type: fc.constant('LiftProcessingRestriction' as const),
          subjectId: fc.constant(USER_ID),
        }),
        weight: 2,
      },
    ),
    pick,
  )
  .map(([c, p]) => ({ command: c as PortalUserCommand, pick: p }));

const create: PortalUserCommand = {
  type: 'CreatePortalUser',
  portalUserId: USER_ID,
  source: { kind: 'new', email: 'jane@customer.org', firstName: 'Jane', lastName: 'Doe' },
  portalIds: [PORTAL_A],
  roleIds: [],
  staffEmailDomains: STAFF_DOMAINS,
};

interface Step {
  command: PortalUserCommand;
  before: PortalUserState;
  events: PortalUserEvent[];
}

const ISSUED_BY: Partial<Record<PortalUserEvent['type'], PortalUserCommand['type']>> = {
  InvitationSent: 'AcceptInvitation',
  PasswordResetRequested: 'ResetPassword',
  EmailChangeRequested: 'ConfirmEmailChange',
};

/**
 * Gives each issuing command a fresh token hash, and each presenting command a token issued
 * earlier for its kind (counting back from the latest), often at the portal it was issued for.
 */
function play(steps: { command: PortalUserCommand; pick: number }[]): Step[] {
  const issued: Partial<Record<PortalUserCommand['type'], { hash: string; portalId?: string }[]>> = {};
  const played: Step[] = [];
  let history: PortalUserEvent[] = [];
  for (const [i, { command: raw, pick: p }] of [{ command: create, pick: 0 }, ...steps].entries()) {
    let command = raw;
    if ('tokenHash' in command && command.tokenHash === ISSUE) {
      command = { ...command, tokenHash: `hash-${i}` };
    } else if ('tokenHash' in command) {
      const list = issued[command.type] ?? [];
      const token = list[list.length - 1 - p];
      command = { ...command, tokenHash: token?.hash ?? 'never-issued' };
      if (p % 2 === 0 && token?.portalId && 'portalId' in command)
        command = { ...command, portalId: token.portalId };
    }
    const before = fold(evolvePortalUser, initialPortalUserState, history);
    let events: PortalUserEvent[] = [];
    try {
      events = decidePortalUser(command, before);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    for (const e of events) {
      const presentedBy = ISSUED_BY[e.type];
      if (presentedBy && 'tokenHash' in e.data) {
        const portalId = 'portalId' in e.data ? e.data.portalId : undefined;
        (issued[presentedBy] ??= []).push({ hash: e.data.tokenHash, portalId });
      }
    }
    history = [...history, ...events];
    played.push({ command, before, events });
  }
  return played;
}

const steps = fc.array(command, { minLength: 10, maxLength: 40 });

function keysOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('PortalUser properties over random command sequences', () => {
  it('refuses only with DomainError and keeps the state consistent', () => {
    fc.assert(
      fc.property(steps, (s) => {
        for (const { before } of play(s).slice(1)) {
          expect(new Set(before.portalIds).size).toBe(before.portalIds.length);
          expect(new Set(before.roleIds).size).toBe(before.roleIds.length);
          for (const p of Object.keys(before.invitations)) expect(before.portalIds).toContain(p);
          if (before.passwordReset) expect(before.portalIds).toContain(before.passwordReset.portalId);
          expect(['active', 'invited', 'suspended', 'deactivated']).toContain(portalUserStatus(before));
        }
      }),
    );
  });

  it('never writes a password or a plain token into an event', () => {
    fc.assert(
      fc.property(steps, (s) => {
        for (const { events } of play(s)) {
          for (const key of keysOf(events.map((e) => e.data))) {
            expect(key.toLowerCase()).not.toMatch(/password|^token$|secret/);
          }
        }
      }),
    );
  });

  it('accepts each invitation token and uses each reset token at most once', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const used = new Set<string>();
        for (const { command, events } of play(s)) {
          const consumed = events.some((e) => e.type === 'InvitationAccepted' || e.type === 'PasswordReset');
          if (consumed && 'tokenHash' in command) {
            expect(used.has(command.tokenHash)).toBe(false);
            used.add(command.tokenHash);
          }
        }
      }),
    );
  });

  it('lets only an active, unrestricted member with the right password and the consent the portal requires log in, inside the support period', () => {
    fc.assert(
      fc.property(steps, (s) => {
        // Reference model of consent and restriction, kept from the events alone.
        const held = new Map<string, string>();
        let restricted = false;
        for (const { command, before, events } of play(s)) {
          if (command.type === 'LogIn') {
            const required = command.consent?.required ?? null;
            const holds = required === null || held.get(command.portalId) === required;
            const allowed =
              command.passwordOk &&
              portalUserStatus(before) === 'active' &&
              !restricted &&
              before.portalIds.includes(command.portalId) &&
              isWithinSupportPeriod(before, command.now) &&
              (holds || command.consent?.accepted === required);
            const expected = !allowed
              ? ['PortalUserLoginFailed']
              : holds
                ? ['PortalUserLoggedIn']
                : ['ConsentGiven', 'PortalUserLoggedIn'];
            expect(events.map((e) => e.type)).toEqual(expected);
          }
          if (command.type === 'GiveConsent') {
            const accepted = command.required !== null && command.version === command.required;
            expect(events.length > 0).toBe(
              accepted &&
                before.portalIds.includes(command.portalId) &&
                held.get(command.portalId) !== command.version,
            );
          }
          for (const e of events) {
            if (e.type === 'ConsentGiven') held.set(e.data.portalId, e.data.version);
            if (e.type === 'ConsentWithdrawn') held.delete(e.data.portalId);
            if (e.type === 'ProcessingRestricted') restricted = true;
            if (e.type === 'ProcessingRestrictionLifted') restricted = false;
          }
          // A portal use needs what login needs, consent aside (judged beside it by the guard).
          const after = events.reduce(evolvePortalUser, before);
          if (restricted) expect(mayUsePortal(after, PORTAL_A, NOW_REF)).toBe(false);
          for (const [portalId, version] of held)
            expect(hasRequiredConsent(after, portalId, version)).toBe(true);
        }
      }),
    );
  });
});

describe('the random command sequences', () => {
  it('reach the paths the properties are about (fixed seed)', () => {
    const seen = new Set<string>();
    for (const s of fc.sample(steps, { numRuns: 300, seed: 42 })) {
      for (const { events } of play(s)) for (const e of events) seen.add(e.type);
    }
    const wanted = [
      'InvitationAccepted',
      'PasswordReset',
      'PortalUserLoggedIn',
      'PortalUserLoginFailed',
      'EmailChangeConfirmed',
      'InvitationExpired',
      'PortalUserTransferred',
      'ConsentGiven',
      'ConsentWithdrawn',
      'ProcessingRestricted',
      'ProcessingRestrictionLifted',
    ];
    expect(wanted.filter((type) => !seen.has(type))).toEqual([]);
  });
});
