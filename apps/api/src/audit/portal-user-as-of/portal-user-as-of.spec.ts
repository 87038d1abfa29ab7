import { ScriptedLog } from '../testing/recorded-events';
import { REDACTED } from '../redact-secrets';
import { portalUserAsOf } from './portal-user-as-of';

const U = 'user-id';
const log = new ScriptedLog();
const stream = `portalUser-${U}`;
const events = [
  log.event(
    stream,
    'PortalUserCreated',
    {
      portalUserId: U,
      email: 'a@example.org',
      firstName: 'A',
      lastName: 'B',
      contactId: null,
      accountIds: [],
      portalIds: ['p'],
      roleIds: [],
    },
    '2026-02-01T10:00:00.000Z',
  ),
  log.event(
    stream,
    'InvitationSent',
    {
      invitationId: 'i',
      portalId: 'p',
      tokenHash: 'secret-hash',
      expiresAt: '2026-02-08T10:00:00.000Z',
      resend: false,
    },
    '2026-02-02T10:00:00.000Z',
  ),
  log.event(stream, 'InvitationAccepted', { invitationId: 'i', portalId: 'p' }, '2026-02-03T10:00:00.000Z'),
  log.event(stream, 'PortalUserPasswordSet', { reason: 'invitation' }, '2026-02-03T10:00:00.000Z'),
  log.event(stream, 'PortalUserDeactivated', {}, '2026-02-04T10:00:00.000Z'),
];

describe('portalUserAsOf', () => {
  it('is null before the user existed', () => {
    expect(portalUserAsOf(U, events, Date.parse('2026-01-31T00:00:00Z'))).toBeNull();
    expect(portalUserAsOf(U, [], Date.now())).toBeNull();
  });

  it('folds up to the moment, status included, with token hashes redacted', () => {
    const invited = portalUserAsOf(U, events, Date.parse('2026-02-02T12:00:00Z'))!;
    expect(invited.status).toBe('invited');
    expect(invited.state.invitations.p).toMatchObject({ status: 'pending', tokenHash: REDACTED });
    expect(JSON.stringify(invited)).not.toContain('secret-hash');

    expect(portalUserAsOf(U, events, Date.parse('2026-02-03T12:00:00Z'))!.status).toBe('active');
    const later = portalUserAsOf(U, events, Date.parse('2026-02-05T00:00:00Z'))!;
    expect(later.status).toBe('deactivated');
    expect(later.revision).toBe(4);
  });
});
