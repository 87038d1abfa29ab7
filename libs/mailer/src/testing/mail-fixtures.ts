import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent } from '@portal/event-store';
import { hashToken, oneTimeToken } from '@portal/platform';
import {
  DEFAULT_PORTAL_SETTINGS,
  type EmailChangeRequested,
  type InvitationSent,
  type PasswordResetRequested,
  type PortalCreated,
  type PortalUserCreated,
} from '@portal/domain';

// Events as the API appends them (typed by the domain's own event types), for the mailer's tests.

export function metadata(): EventMetadata {
  return {
    actor: { type: 'staff', id: randomUUID(), name: 'Admin' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    timestamp: new Date().toISOString(),
  };
}

export function event<E extends { type: string; data: object }>(domainEvent: E): NewEvent {
  return { id: randomUUID(), type: domainEvent.type, data: { ...domainEvent.data }, metadata: metadata() };
}

export async function givenPortal(
  events: EventStore,
  overrides: { name?: string; slug?: string; primaryColor?: string; roleIds?: string[] } = {},
): Promise<{ portalId: string; slug: string; name: string }> {
  const portalId = randomUUID();
  const slug = overrides.slug ?? `portal-${portalId.slice(0, 8)}`;
  const name = overrides.name ?? 'Customer portal';
  const created: PortalCreated = {
    type: 'PortalCreated',
    data: {
      portalId,
      name,
      slug,
      url: `http://localhost/portal/${slug}`,
      customUrl: null,
      isActive: true,
      isDefault: false,
      roleIds: overrides.roleIds ?? [],
      tabList: ['Case'],
      quickCreateList: [],
      dashboardLayout: [],
      defaultCaseAssigneeId: null,
      recordCriteria: {},
      settings: DEFAULT_PORTAL_SETTINGS,
      branding: { logoUrl: null, primaryColor: overrides.primaryColor ?? null, companyName: null },
    },
  };
  await events.append(`portal-${portalId}`, [event(created)], 'no-stream');
  return { portalId, slug, name };
}

/** Jane Doe, a portal user without contact, in one portal and no roles. */
export function portalUserCreated(
  portalUserId: string,
  portalId: string,
  email: string,
  accountIds: string[],
): PortalUserCreated {
  return {
    type: 'PortalUserCreated',
    data: {
      portalUserId,
      email,
      firstName: 'Jane',
      lastName: 'Doe',
      contactId: null,
      accountIds,
      portalIds: [portalId],
      roleIds: [],
    },
  };
}

export async function givenPortalUser(
  events: EventStore,
  portalId: string,
  email: string,
): Promise<{ portalUserId: string; email: string }> {
  const portalUserId = randomUUID();
  const created = portalUserCreated(portalUserId, portalId, email, []);
  await events.append(`portalUser-${portalUserId}`, [event(created)], 'no-stream');
  return { portalUserId, email };
}

/** What SendInvitation appends: only the hash of the token the mailer will derive again. */
export async function sendInvitation(
  events: EventStore,
  tokenSecret: Buffer,
  portalUserId: string,
  portalId: string,
): Promise<{ eventId: string; invitationId: string; tokenHash: string }> {
  const invitationId = randomUUID();
  const tokenHash = hashToken(oneTimeToken(tokenSecret, 'invitation', invitationId));
  const sent: InvitationSent = {
    type: 'InvitationSent',
    data: {
      invitationId,
      portalId,
      tokenHash,
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      resend: false,
    },
  };
  const newEvent = event(sent);
  await events.append(`portalUser-${portalUserId}`, [newEvent], 'stream-exists');
  return { eventId: newEvent.id, invitationId, tokenHash };
}

/** What RequestPasswordReset appends. */
export async function requestPasswordReset(
  events: EventStore,
  tokenSecret: Buffer,
  portalUserId: string,
  portalId: string,
): Promise<{ eventId: string; tokenHash: string }> {
  const resetId = randomUUID();
  const tokenHash = hashToken(oneTimeToken(tokenSecret, 'password-reset', resetId));
  const requested: PasswordResetRequested = {
    type: 'PasswordResetRequested',
    data: { resetId, portalId, tokenHash, expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
  };
  const newEvent = event(requested);
  await events.append(`portalUser-${portalUserId}`, [newEvent], 'stream-exists');
  return { eventId: newEvent.id, tokenHash };
}

/** What RequestEmailChange appends from the user's own portal: the token derives from the event id. */
export async function requestEmailChange(
  events: EventStore,
  tokenSecret: Buffer,
  portalUserId: string,
  portalId: string,
  newEmail: string,
): Promise<{ eventId: string; tokenHash: string }> {
  const eventId = randomUUID();
  const tokenHash = hashToken(oneTimeToken(tokenSecret, 'email-change', eventId));
  const requested: EmailChangeRequested = {
    type: 'EmailChangeRequested',
    data: { newEmail, tokenHash, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  };
  const newEvent = {
    ...event(requested),
    id: eventId,
    metadata: { ...metadata(), actor: { type: 'portalUser' as const, id: portalUserId, portalId } },
  };
  await events.append(`portalUser-${portalUserId}`, [newEvent], 'stream-exists');
  return { eventId, tokenHash };
}
