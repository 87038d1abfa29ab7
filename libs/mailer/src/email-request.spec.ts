import type { RecordedEvent } from '@portal/event-store';
import { emailDeliveryStream, emailJobId, emailRequestFor } from './email-request';

function recorded(
  type: string,
  data: Record<string, unknown>,
  overrides: Partial<RecordedEvent> = {},
): RecordedEvent {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    stream: 'portalUser-u1',
    type,
    version: 1,
    data,
    metadata: {
      actor: { type: 'staff', id: 's1' },
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      timestamp: '2026-01-01T00:00:00.000Z',
    },
    revision: 3,
    position: 42,
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const expiresAt = '2026-01-08T00:00:00.000Z';

describe('emailRequestFor', () => {
  it('asks for an invitation email for InvitationSent, with ids only', () => {
    const request = emailRequestFor(
      recorded('InvitationSent', {
        invitationId: 'inv-1',
        portalId: 'p1',
        tokenHash: 'h',
        expiresAt,
        resend: false,
      }),
    );
    expect(request).toEqual({
      kind: 'invitation',
      sourceEventId: '11111111-1111-4111-8111-111111111111',
      sourceStream: 'portalUser-u1',
      sourcePosition: 42,
      correlationId: 'corr-1',
      portalUserId: 'u1',
      portalId: 'p1',
      tokenId: 'inv-1',
      tokenHash: 'h',
      expiresAt,
      to: undefined,
    });
  });

  it('asks for a reset email, the portal from the data or else from the actor', () => {
    const withPortal = emailRequestFor(
      recorded('PasswordResetRequested', { resetId: 'r1', portalId: 'p2', tokenHash: 'h', expiresAt }),
    );
    expect(withPortal).toMatchObject({ kind: 'password-reset', tokenId: 'r1', portalId: 'p2' });
    const fromActor = emailRequestFor(
      recorded(
        'PasswordResetRequested',
        { resetId: 'r1', tokenHash: 'h', expiresAt },
        {
          metadata: {
            actor: { type: 'portalUser', id: 'u1', portalId: 'p3' },
            correlationId: 'c',
            causationId: null,
            timestamp: expiresAt,
          },
        },
      ),
    );
    expect(fromActor).toMatchObject({ portalId: 'p3' });
  });

  it('sends an email change to the new address, token from the event id', () => {
    const request = emailRequestFor(
      recorded('EmailChangeRequested', { newEmail: 'new@example.com', tokenHash: 'h', expiresAt }),
    );
    expect(request).toMatchObject({
      kind: 'email-change',
      to: 'new@example.com',
      tokenId: '11111111-1111-4111-8111-111111111111',
    });
  });

  it('ignores other events, other streams and events missing what a link needs', () => {
    expect(emailRequestFor(recorded('PortalUserCreated', { email: 'a@example.com' }))).toBeUndefined();
    expect(
      emailRequestFor(
        recorded(
          'InvitationSent',
          { invitationId: 'i', portalId: 'p', tokenHash: 'h', expiresAt },
          { stream: 'portal-p' },
        ),
      ),
    ).toBeUndefined();
    expect(
      emailRequestFor(recorded('InvitationSent', { portalId: 'p', tokenHash: 'h', expiresAt })),
    ).toBeUndefined();
    expect(
      emailRequestFor(recorded('InvitationSent', { invitationId: 'i', portalId: 'p', expiresAt })),
    ).toBeUndefined();
  });
});

describe('emailJobId', () => {
  it('is one id per event and kind, without ":" (BullMQ refuses it)', () => {
    const id = emailJobId({ kind: 'invitation', sourceEventId: 'e1' });
    expect(id).toBe('invitation-e1');
    expect(id).not.toContain(':');
    expect(emailJobId({ kind: 'password-reset', sourceEventId: 'e1' })).not.toBe(id);
    expect(emailDeliveryStream(id)).toBe('emailDelivery-invitation-e1');
  });
});
