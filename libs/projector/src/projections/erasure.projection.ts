import type { RecordedEvent } from '@portal/event-store';
import {
  CONTACT_PERSONAL_FIELDS,
  ownersErasedBy,
  portalUserStream,
  recordStream,
  toAclRecord,
  WRITTEN_TEXT_FIELDS,
  type PortalUserState,
  type RecordState,
} from '@portal/domain';
import {
  READ_MODELS,
  type ActorRef,
  type AttachmentDoc,
  type CommentDoc,
  type EmailDeliveryDoc,
  type LoginHistoryDoc,
  type RecordDoc,
  type Tracked,
} from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import { getAggregate, putAggregate, type StoredAggregate } from './aggregate-states';
import { definitionOf } from './entity-types.projection';
import { toPortalUserDoc } from './portal-users.projection';
import type { Projection } from './projection';
import { toRecordDoc } from './records.projection';

/** What the event store's read path shows for a value whose key is gone. */
const ERASED = '[erased]';

/** "[erased]" for a string (what was encrypted), anything else as it was (nulls were never encrypted). */
const erased = <T>(value: T): T => (typeof value === 'string' ? (ERASED as T) : value);

function eraseActor(actor: ActorRef, userIds: ReadonlySet<string>): ActorRef {
  return actor.type === 'portalUser' && userIds.has(actor.id) ? { ...actor, name: ERASED } : actor;
}

function eraseTracked<T extends Tracked>(doc: T, userIds: ReadonlySet<string>): T {
  return {
    ...doc,
    createdBy: eraseActor(doc.createdBy, userIds),
    modifiedBy: eraseActor(doc.modifiedBy, userIds),
  };
}

function eraseFields(fields: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out = { ...fields };
  for (const name of names) if (name in out) out[name] = erased(out[name]);
  return out;
}

/**
 * Patches the read models when a data subject is erased, to exactly what a fresh fold of the log
 * now gives (every value encrypted under an erased key reads "[erased]"), so that audit:verify and
 * a rebuild agree with the live models. Aggregate states are patched and documents derived from
 * them again with the projections' own functions; history documents (comments, sign-ins, emails)
 * are patched field by field. Runs last: the other projections ignore DataSubjectErased.
 */
export const erasureProjection: Projection = {
  name: 'erasure',
  collections: [],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const owners = ownersErasedBy(event);
    if (owners.length === 0) return;
    const userIds = new Set(owners.filter((o) => o.startsWith('portalUser:')).map((o) => o.slice(11)));
    const contactIds = owners.filter((o) => o.startsWith('contact:')).map((o) => o.slice(8));
    for (const id of userIds) await erasePortalUser(docs, id, userIds);
    for (const id of contactIds)
      await eraseRecord(docs, recordStream('Contact', id), CONTACT_PERSONAL_FIELDS, userIds);
    for (const id of userIds) await eraseWrittenBy(docs, id, userIds);
  },
};

async function erasePortalUser(
  docs: GenerationDocuments,
  id: string,
  userIds: ReadonlySet<string>,
): Promise<void> {
  type Stored = StoredAggregate<PortalUserState, { invitations: Record<string, never> }>;
  const stored = await getAggregate<PortalUserState, Stored['extra']>(docs, portalUserStream(id));
  if (stored) {
    const s = stored.state;
    const next: Stored = eraseTracked(
      {
        ...stored,
        state: {
          ...s,
          email: erased(s.email),
          firstName: erased(s.firstName),
          lastName: erased(s.lastName),
          phone: erased(s.phone),
          pendingEmailChange: s.pendingEmailChange
            ? { ...s.pendingEmailChange, newEmail: erased(s.pendingEmailChange.newEmail) }
            : null,
        },
      },
      userIds,
    );
    putAggregate(docs, next);
    const doc = toPortalUserDoc(next);
    if (doc) docs.put(READ_MODELS.portalUsers, doc);
  }
  const eq = (path: string) => ({ kind: 'eq' as const, path, value: id });
  for (const login of (
    await docs.find<LoginHistoryDoc>(READ_MODELS.loginHistory, { filter: eq('portalUserId') })
  ).items) {
    const patched: LoginHistoryDoc = { ...login, ip: erased(login.ip), userAgent: erased(login.userAgent) };
    docs.put(READ_MODELS.loginHistory, patched);
  }
  for (const email of (
    await docs.find<EmailDeliveryDoc>(READ_MODELS.emailDeliveries, { filter: eq('portalUserId') })
  ).items) {
    const patched: EmailDeliveryDoc = { ...email, to: erased(email.to) };
    docs.put(READ_MODELS.emailDeliveries, patched);
  }
}

/** Comments, files and records the portal user wrote, and their name on whatever they changed. */
async function eraseWrittenBy(
  docs: GenerationDocuments,
  id: string,
  userIds: ReadonlySet<string>,
): Promise<void> {
  const by = (path: string) => ({ kind: 'eq' as const, path, value: id });
  const comments = await docs.find<CommentDoc>(READ_MODELS.comments, { filter: by('createdBy.id') });
  for (const comment of comments.items) {
    const patched: CommentDoc = {
      ...comment,
      text: erased(comment.text),
      createdBy: eraseActor(comment.createdBy, userIds),
    };
    docs.put(READ_MODELS.comments, patched);
  }
  // A file's name as they uploaded it (the blob itself is deleted by the API's erasure).
  const files = await docs.find<AttachmentDoc>(READ_MODELS.attachments, { filter: by('portalUserId') });
  for (const file of files.items) {
    const patched: AttachmentDoc = {
      ...file,
      name: erased(file.name),
      createdBy: eraseActor(file.createdBy, userIds),
    };
    docs.put(READ_MODELS.attachments, patched);
  }
  const records = await docs.find<RecordDoc>(READ_MODELS.records, {
    filter: { kind: 'or', filters: [by('createdBy.id'), by('modifiedBy.id'), by('createdByPortalUserId')] },
  });
  for (const record of records.items) {
    const written = record.createdByPortalUserId === id ? WRITTEN_TEXT_FIELDS : [];
    await eraseRecord(docs, recordStream(record.entityType, record.id), written, userIds);
  }
}

async function eraseRecord(
  docs: GenerationDocuments,
  stream: string,
  fields: readonly string[],
  userIds: ReadonlySet<string>,
): Promise<void> {
  const stored = await getAggregate<RecordState, { deletedAt: string | null }>(docs, stream);
  if (!stored || stored.state.entityType === null) return;
  const next = eraseTracked(
    { ...stored, state: { ...stored.state, fields: eraseFields(stored.state.fields, fields) } },
    userIds,
  );
  putAggregate(docs, next);
  const acl = toAclRecord(next.state, await definitionOf(docs, stored.state.entityType));
  docs.put(READ_MODELS.records, toRecordDoc(next, acl));
}
