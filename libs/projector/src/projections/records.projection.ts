import { RECORD_SCOPE_PATHS } from '@portal/acl';
import type { RecordedEvent } from '@portal/event-store';
import {
  entityTypeStream,
  evolveRecord,
  findBuiltInEntityType,
  initialRecordState,
  parseRecordStream,
  toAclRecord,
  type RecordEvent,
  type RecordState,
} from '@portal/domain';
import { READ_MODELS, type RecordDoc } from '@portal/read-models';
import { AGGREGATE_STATES, type GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, putAggregate, type StoredAggregate } from './aggregate-states';
import { definitionOf } from './entity-types.projection';
import type { DocumentKey, Projection } from './projection';
import { occurredAt } from './tracking';

/** A comment is posted on the record's stream but does not change the record. */
const NOT_EDITS = new Set(['CommentPosted']);

interface RecordExtra {
  deletedAt: string | null;
}

/**
 * The record document: exactly the ACL's view of the folded state (toAclRecord, the one place
 * links are normalised, so list filters and single-record checks agree) plus who/when.
 */
export function toRecordDoc(
  aggregate: StoredAggregate<RecordState, RecordExtra>,
  acl: ReturnType<typeof toAclRecord>,
): RecordDoc {
  // Written out property by property: V8 built the same document from `{ ...acl, …,
  // ...trackedOf(aggregate) }` in ~10 µs, about a tenth of a replay's CPU per event.
  const doc: RecordDoc = {
    id: acl.id,
    entityType: acl.entityType,
    fields: acl.fields,
    createdByPortalUserId: acl.createdByPortalUserId,
    contactIds: acl.contactIds,
    accountIds: acl.accountIds,
    isInternal: acl.isInternal,
    deleted: acl.deleted,
    createdInPortalId: aggregate.state.createdInPortalId,
    deletedAt: aggregate.extra.deletedAt,
    createdAt: aggregate.createdAt,
    createdBy: aggregate.createdBy,
    modifiedAt: aggregate.modifiedAt,
    modifiedBy: aggregate.modifiedBy,
    revision: aggregate.revision,
  };
  if (acl.portalIds !== undefined) doc.portalIds = acl.portalIds;
  return doc;
}

/** records: every record of every entity type, filtered at query time by the ACL's ScopeFilter. */
export const recordsProjection: Projection = {
  name: 'records',
  collections: [
    {
      name: READ_MODELS.records,
      // What toRecordDoc writes there: the btrees on them then compare text and booleans, not
      // JSONB (a third to a half of their build after a million records' replay).
      pathTypes: {
        entityType: 'string',
        deleted: 'boolean',
        isInternal: 'boolean',
        createdByPortalUserId: 'string',
        modifiedAt: 'string',
      },
      indexes: [
        // The lists' default order (newest first, recordListOptions): a page of a type's live
        // records is read in this order up to its limit, however many the scope holds. It also
        // serves what a plain (entityType, deleted) index would, so there is none beside it for
        // the planner to pick and then sort all the matches.
        {
          name: 'type_deleted_created',
          paths: ['entityType', 'deleted'],
          sort: [{ path: 'createdAt', direction: 'desc' }],
        },
        // For the planner's estimates as much as for look-ups: without statistics of its own,
        // `isInternal = false` in every portal scope is guessed to keep 0.5% of the records, so
        // a scope holding thousands looks like a handful and is sorted instead of read in order.
        { name: 'internal', paths: ['isInternal'] },
        { name: 'account_ids', paths: ['accountIds'], kind: 'array' },
        { name: 'contact_ids', paths: ['contactIds'], kind: 'array' },
        { name: 'portal_ids', paths: ['portalIds'], kind: 'array' },
        { name: 'created_by_portal_user', paths: ['createdByPortalUserId'] },
        // A portal user's list reaches cases through their accounts and contact: each element's
        // cases in the lists' default order, so a page of an account holding a thousand reads a
        // page of them, not the thousand (scaleRatio at a million cases).
        {
          name: 'account_ids_created',
          paths: ['accountIds'],
          kind: 'array',
          sort: [{ path: 'createdAt', direction: 'desc' }],
        },
        {
          name: 'contact_ids_created',
          paths: ['contactIds'],
          kind: 'array',
          sort: [{ path: 'createdAt', direction: 'desc' }],
        },
        { name: 'type_modified', paths: ['entityType', 'modifiedAt'] },
        // The lists' totals: a scope or a staff list with no other filter sums a few groups.
        { name: 'scope_counts', kind: 'counts', paths: [...RECORD_SCOPE_PATHS] },
      ],
    },
  ],
  reads(event: RecordedEvent): DocumentKey[] {
    const stream = parseRecordStream(event.stream);
    if (!stream) return [];
    // Not read, replaced whole: knowing it absent lets the batch insert it instead of upserting.
    // Only its own stream writes a record, so before the stream's first event there is none.
    const reads: DocumentKey[] = [{ name: READ_MODELS.records, id: stream.id, absent: event.revision === 0 }];
    // A custom type's definition normalises the record's links (definitionOf).
    if (!findBuiltInEntityType(stream.entityType))
      reads.push({ name: AGGREGATE_STATES, id: entityTypeStream(stream.entityType) });
    return reads;
  },
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const stream = parseRecordStream(event.stream);
    if (!stream) return;
    const aggregate = await foldEvent<RecordState, RecordExtra>(
      docs,
      event,
      (state, e) => evolveRecord(state, e as RecordEvent),
      initialRecordState,
      { modifies: !NOT_EDITS.has(event.type), initialExtra: { deletedAt: null } },
    );
    if (!aggregate || aggregate.state.id === null || aggregate.state.entityType === null) return;
    if (event.type === 'RecordDeleted' && aggregate.extra.deletedAt === null) {
      aggregate.extra = { deletedAt: occurredAt(event) };
      putAggregate(docs, aggregate);
    }
    const acl = toAclRecord(aggregate.state, await definitionOf(docs, aggregate.state.entityType));
    docs.put(READ_MODELS.records, toRecordDoc(aggregate, acl));
  },
};
