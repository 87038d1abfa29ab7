import type { RecordedEvent } from '@portal/event-store';
import {
  evolvePortalUser,
  initialPortalUserState,
  portalUserStatus,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { READ_MODELS, type InvitationDoc, type PortalUserDoc } from '@portal/read-models';
import { AGGREGATE_STATES, type GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, getAggregate, putAggregate, type StoredAggregate } from './aggregate-states';
import type { DocumentKey, Projection } from './projection';
import { occurredAt, trackedOf } from './tracking';

const STREAM = /^portalUser-(.+)$/;
const DELIVERY_STREAM = /^emailDelivery-/;
/** Sign-ins are history (login_history), not edits of the user. */
const NOT_EDITS = new Set(['PortalUserLoggedIn', 'PortalUserLoginFailed', 'PortalUserLoggedOut']);

/** What the invitations list shows beyond the domain state, by invitation id. */
interface InvitationNote {
  sentAt: string;
  /** The InvitationSent event: the mailer's delivery events point at it. */
  sourceEventId: string;
  acceptedAt: string | null;
  delivery: InvitationDoc['delivery'];
  deliveryFailureReason: string | null;
}

interface PortalUserExtra {
  invitations: Record<string, InvitationNote>;
}

type StoredPortalUser = StoredAggregate<PortalUserState, PortalUserExtra>;

export function toPortalUserDoc(aggregate: StoredPortalUser): PortalUserDoc | null {
  const s = aggregate.state;
  if (!s.exists) return null;
  const invitations = Object.values(s.invitations).map((inv) => {
    const note = aggregate.extra.invitations[inv.invitationId];
    return {
      invitationId: inv.invitationId,
      portalId: inv.portalId,
      sentAt: note?.sentAt ?? aggregate.modifiedAt,
      expiresAt: inv.expiresAt,
      acceptedAt: note?.acceptedAt ?? null,
      delivery: note?.delivery ?? 'pending',
      deliveryFailureReason: note?.deliveryFailureReason ?? null,
      status: inv.status,
    };
  });
  return {
    id: s.id,
    email: s.email,
    firstName: s.firstName,
    lastName: s.lastName,
    name: `${s.firstName} ${s.lastName}`.trim(),
    contactId: s.contactId,
    accountIds: [...s.accountIds],
    portalIds: [...s.portalIds],
    roleIds: [...s.roleIds],
    status: portalUserStatus(s),
    deactivated: s.deactivated,
    hasPassword: s.hasPassword,
    pendingEmail: s.pendingEmailChange?.newEmail ?? null,
    supportPeriod: s.supportPeriod ? { ...s.supportPeriod } : null,
    invitations,
    lastLoginAt: s.lastLoginAt,
    dashboardLayout: s.dashboardLayout,
    preferences: { ...s.preferences },
    profile: { phone: s.phone },
    ...trackedOf(aggregate),
  };
}

/** Keeps notes for the current invitations only (a resend or leaving a portal replaces them). */
function notesAfter(aggregate: StoredPortalUser, event: RecordedEvent): PortalUserExtra {
  const notes = { ...aggregate.extra.invitations };
  const data = event.data as { invitationId?: string };
  if (event.type === 'InvitationSent' && data.invitationId) {
    notes[data.invitationId] = {
      sentAt: occurredAt(event),
      sourceEventId: event.id,
      acceptedAt: null,
      delivery: 'pending',
      deliveryFailureReason: null,
    };
  }
  if (event.type === 'InvitationAccepted' && data.invitationId && notes[data.invitationId]) {
    notes[data.invitationId] = { ...notes[data.invitationId], acceptedAt: occurredAt(event) };
  }
  const current = new Set(Object.values(aggregate.state.invitations).map((inv) => inv.invitationId));
  return { invitations: Object.fromEntries(Object.entries(notes).filter(([id]) => current.has(id))) };
}

interface DeliveryData {
  kind?: string;
  sourceEventId?: string;
  portalUserId?: string;
  reason?: string;
}

/** The mailer's outcome for an invitation email, on the invitation it was sent for. */
async function applyDelivery(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
  const data = event.data as DeliveryData;
  if (data.kind !== 'invitation' || !data.portalUserId || !data.sourceEventId) return;
  const aggregate = await getAggregate<PortalUserState, PortalUserExtra>(
    docs,
    portalUserStream(data.portalUserId),
  );
  if (!aggregate) return;
  const entry = Object.entries(aggregate.extra.invitations).find(
    ([, n]) => n.sourceEventId === data.sourceEventId,
  );
  if (!entry) return;
  const [invitationId, note] = entry;
  const delivered = event.type === 'EmailDelivered';
  const next: StoredPortalUser = {
    ...aggregate,
    extra: {
      invitations: {
        ...aggregate.extra.invitations,
        [invitationId]: {
          ...note,
          delivery: delivered ? 'delivered' : 'failed',
          deliveryFailureReason: delivered ? null : (data.reason ?? null),
        },
      },
    },
  };
  putAggregate(docs, next);
  const doc = toPortalUserDoc(next);
  if (doc) docs.put(READ_MODELS.portalUsers, doc);
}

/** portal_users: with status (portalUserStatus) and invitations with their delivery outcome. */
export const portalUsersProjection: Projection = {
  name: 'portal_users',
  collections: [
    {
      name: READ_MODELS.portalUsers,
      indexes: [
        { name: 'portal_ids', paths: ['portalIds'], kind: 'array' },
        { name: 'email', paths: ['email'] },
        { name: 'contact_id', paths: ['contactId'] },
        { name: 'status', paths: ['status'] },
      ],
    },
  ],
  reads(event: RecordedEvent): DocumentKey[] {
    const { portalUserId } = event.data as DeliveryData;
    if (!DELIVERY_STREAM.test(event.stream) || !portalUserId) return [];
    return [{ name: AGGREGATE_STATES, id: portalUserStream(portalUserId) }];
  },
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (DELIVERY_STREAM.test(event.stream)) {
      if (event.type === 'EmailDelivered' || event.type === 'EmailDeliveryFailed')
        await applyDelivery(event, docs);
      return;
    }
    if (!STREAM.test(event.stream)) return;
    const aggregate = await foldEvent<PortalUserState, PortalUserExtra>(
      docs,
      event,
      (state, e) => evolvePortalUser(state, e as PortalUserEvent),
      initialPortalUserState,
      { modifies: !NOT_EDITS.has(event.type), initialExtra: { invitations: {} } },
    );
    if (!aggregate) return;
    const next = { ...aggregate, extra: notesAfter(aggregate, event) };
    putAggregate(docs, next);
    const doc = toPortalUserDoc(next);
    if (doc) docs.put(READ_MODELS.portalUsers, doc);
  },
};
