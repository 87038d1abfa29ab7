import type { RecordedEvent } from '@portal/event-store';
import {
  ownersErasedBy,
  parseRecordStream,
  personalValuesOf,
  portalUserStream,
  type PortalUserState,
} from '@portal/domain';
import {
  READ_MODELS,
  type ActorRef,
  type AttachmentDoc,
  type CommentDoc,
  type EmailDeliveryDoc,
  type LoginHistoryDoc,
  type PersonalDataStreamDoc,
  type Tracked,
} from '@portal/read-models';
import { AGGREGATE_STATES, type GenerationDocuments } from '../documents/generation-documents';
import { getAggregate, putAggregate, type StoredAggregate } from './aggregate-states';
import { toPortalUserDoc } from './portal-users.projection';
import type { CommittedDocuments, Projection, ProjectionLog } from './projection';
import { recordsProjection } from './records.projection';

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

/**
 * Brings the read models, when a data subject is erased, to exactly what a fresh fold of the log
 * now gives (every value encrypted under an erased key reads "[erased]"), so that audit:verify and
 * a rebuild agree with the live models. Every record stream holding one of their values (found in
 * personal_data_streams, wherever in its history) is folded again from the log: the same fold a
 * rebuild runs, so whatever they wrote there, created or edited, reads "[erased]" and nobody
 * else's value changes. The portal user's own state and the history documents (comments,
 * sign-ins, emails, file names) are patched field by field. Runs last: the other projections
 * ignore DataSubjectErased.
 */
export const erasureProjection: Projection = {
  name: 'erasure',
  collections: [],
  async logReads(events: readonly RecordedEvent[], committed: CommittedDocuments): Promise<string[]> {
    const owners = new Set(events.flatMap((event) => ownersErasedBy(event)));
    if (owners.size === 0) return [];
    // What the generation held before this batch, and what the batch itself adds.
    const streams = new Set(await recordStreamsOf(committed, [...owners]));
    for (const event of events) {
      if (!parseRecordStream(event.stream)) continue;
      if (personalValuesOf(event.stream, event).some((value) => owners.has(value.owner)))
        streams.add(event.stream);
    }
    return [...streams];
  },
  async apply(event: RecordedEvent, docs: GenerationDocuments, log: ProjectionLog): Promise<void> {
    const owners = ownersErasedBy(event);
    if (owners.length === 0) return;
    const userIds = new Set(owners.filter((o) => o.startsWith('portalUser:')).map((o) => o.slice(11)));
    for (const id of userIds) await erasePortalUser(docs, id, userIds);
    for (const stream of await recordStreamsOf(docs, owners)) await refoldRecord(docs, log, stream);
    for (const id of userIds) await eraseWrittenBy(docs, id, userIds);
  },
};

/** The record streams holding values of these owners, each once, in a stable order. */
async function recordStreamsOf(
  docs: Pick<CommittedDocuments, 'find'>,
  owners: readonly string[],
): Promise<string[]> {
  const streams = new Set<string>();
  const PAGE = 1_000;
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await docs.find<PersonalDataStreamDoc>(READ_MODELS.personalDataStreams, {
      filter: { kind: 'in', path: 'owner', values: [...owners] },
      sort: [{ path: 'id', direction: 'asc' }],
      offset,
      limit: PAGE,
    });
    for (const item of items) streams.add(item.stream);
    if (items.length < PAGE) return [...streams].sort();
  }
}

/**
 * Folds the record's stream again from its start, up to the revision folded so far, through the
 * records projection: its values are read now, with the erased keys gone.
 */
async function refoldRecord(docs: GenerationDocuments, log: ProjectionLog, stream: string): Promise<void> {
  const stored = await getAggregate(docs, stream);
  if (!stored) return;
  const events = log.readStream(stream, stored.revision);
  docs.delete(AGGREGATE_STATES, stream);
  for (const event of events) await recordsProjection.apply(event, docs, log);
}

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

/** Comments and files the portal user wrote, wherever they are (records are folded again instead). */
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
}
