import { Inject, Injectable } from '@nestjs/common';
import type { RecordFilter } from '@portal/acl';
import { CONTACT_PERSONAL_FIELDS, portalUserOwner, portalUserStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import {
  READ_MODELS,
  ReadModelNames,
  type AttachmentDoc,
  type CommentDoc,
  type EmailDeliveryDoc,
  type LoginHistoryDoc,
  type PersonalDataStreamDoc,
  type PortalUserDoc,
  type ReadModelName,
  type RecordDoc,
} from '@portal/read-models';
import type { DocumentShape, ReadStore, SortKey } from '@portal/read-store';
import { EVENT_STORE, READ_STORE } from '../../infrastructure/tokens';
import type { DataSubject } from '../data-subjects';
import { consentsIn } from './consents-in';
import type { StreamedMember } from './json-document-stream';
import { writtenValues } from './written-values';

const PAGE = 200;

/** Where a file's bytes sit in the export's zip. */
export function zipPathOf(file: Pick<AttachmentDoc, 'id' | 'name'>): string {
  // A stored name is normalised at upload; a path separator or control character still never reaches the zip.
  const safe = [...file.name].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return `files/${file.id}/${safe || 'file'}`;
}

/**
 * What the service holds of one data subject, section by section, read from the read models and
 * (for what they wrote in records, and consents) their streams. Only the subject's own values:
 * another person's comment on their case, a staff member's edit, internal notes are not theirs
 * and are left out entirely (not even as a placeholder: it would tell them of others' activity).
 */
@Injectable()
export class DataExportReader {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ReadModelNames,
  ) {}

  async members(subject: DataSubject, exportedAt: string): Promise<StreamedMember[]> {
    const users = subject.portalUserIds;
    return [
      ['exportedAt', exportedAt],
      ['subject', { id: subject.id, contactId: subject.contactId, portalUserIds: users }],
      ['contact', await this.contact(subject.contactId)],
      ['portalUsers', this.portalUsers(users)],
      ['consents', this.consents(users)],
      ['records', this.records(subject)],
      ['comments', this.comments(users)],
      ['files', this.files(users)],
      ['loginHistory', this.loginHistory(users)],
      ['emails', this.emails(users)],
    ];
  }

  /** The files they uploaded, for the zip. */
  files(users: string[]): AsyncGenerator<ReturnType<typeof fileEntry>> {
    return this.mapped<AttachmentDoc, ReturnType<typeof fileEntry>>(
      READ_MODELS.attachments,
      { kind: 'in', path: 'portalUserId', values: users },
      'createdAt',
      fileEntry,
    );
  }

  /** The contact record's personal fields (the company's other fields on it are not the person's). */
  private async contact(contactId: string | null): Promise<unknown> {
    if (contactId === null) return null;
    const doc = await this.readStore.get<RecordDoc>(
      await this.names.collection(READ_MODELS.records),
      contactId,
    );
    if (!doc) return null;
    const fields = Object.fromEntries(
      CONTACT_PERSONAL_FIELDS.filter((f) => doc.fields[f] !== undefined).map((f) => [f, doc.fields[f]]),
    );
    return { id: doc.id, fields, createdAt: doc.createdAt, modifiedAt: doc.modifiedAt };
  }

  private portalUsers(users: string[]): AsyncGenerator<unknown> {
    return this.mapped<PortalUserDoc, unknown>(
      READ_MODELS.portalUsers,
      { kind: 'in', path: 'id', values: users },
      'createdAt',
      (user) => ({
        id: user.id,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        phone: user.profile?.phone ?? null,
        language: user.preferences?.language ?? null,
        pendingEmail: user.pendingEmail,
        status: user.status,
        portalIds: user.portalIds,
        createdAt: user.createdAt,
        modifiedAt: user.modifiedAt,
        lastLoginAt: user.lastLoginAt,
      }),
    );
  }

  private async *consents(users: string[]): AsyncGenerator<unknown> {
    for (const id of users) yield* consentsIn(id, await this.eventStore.readStream(portalUserStream(id)));
  }

  /**
   * Every record their portal users wrote in (created, edited at any point, commented on: the
   * personal_data_streams read model), in the order they first did, each with only the values
   * they wrote in it (a change as the value they set, with its time).
   */
  private async *records(subject: DataSubject): AsyncGenerator<unknown> {
    const owners = new Set(subject.owners);
    const writers = subject.portalUserIds.map(portalUserOwner);
    const records = await this.names.collection(READ_MODELS.records);
    const seen = new Set<string>();
    const touched: RecordFilter = { kind: 'in', path: 'owner', values: writers };
    for await (const { stream, recordId, entityType, since } of this.pages<PersonalDataStreamDoc>(
      READ_MODELS.personalDataStreams,
      touched,
      'since',
    )) {
      if (seen.has(stream)) continue; // two portal users of one contact in the same record
      seen.add(stream);
      const written = writtenValues(stream, await this.eventStore.readStream(stream), owners);
      if (written.length === 0) continue;
      const record = await this.readStore.get<RecordDoc>(records, recordId);
      yield {
        id: recordId,
        entityType,
        // The record's own creation: its document is folded in the same generation, so it is there;
        // were it not, the time they first wrote in it still gives the entry a time.
        createdAt: record?.createdAt ?? since,
        deletedAt: record?.deletedAt ?? null,
        written,
      };
    }
  }

  private comments(users: string[]): AsyncGenerator<unknown> {
    return this.mapped<CommentDoc, unknown>(
      READ_MODELS.comments,
      { kind: 'in', path: 'createdBy.id', values: users },
      'createdAt',
      (comment) => ({
        id: comment.id,
        recordId: comment.recordId,
        entityType: comment.entityType,
        text: comment.text,
        createdAt: comment.createdAt,
      }),
    );
  }

  private loginHistory(users: string[]): AsyncGenerator<unknown> {
    return this.mapped<LoginHistoryDoc, unknown>(
      READ_MODELS.loginHistory,
      { kind: 'in', path: 'portalUserId', values: users },
      'at',
      ({ portalUserId, portalId, kind, at, ip, userAgent, reason }) => ({
        portalUserId,
        portalId,
        kind,
        at,
        ip,
        userAgent,
        reason,
      }),
    );
  }

  private emails(users: string[]): AsyncGenerator<unknown> {
    return this.mapped<EmailDeliveryDoc, unknown>(
      READ_MODELS.emailDeliveries,
      { kind: 'in', path: 'portalUserId', values: users },
      'at',
      ({ portalUserId, portalId, kind, to, status, reason, at }) => ({
        portalUserId,
        portalId,
        kind,
        to,
        status,
        reason,
        at,
      }),
    );
  }

  private async *mapped<T extends DocumentShape, U>(
    model: ReadModelName,
    filter: RecordFilter,
    by: string,
    map: (doc: T) => U,
  ): AsyncGenerator<U> {
    for await (const doc of this.pages<T>(model, filter, by)) yield map(doc);
  }

  /** A read model's matching documents, oldest first, a page at a time as the consumer reads. */
  private async *pages<T extends DocumentShape>(
    model: ReadModelName,
    filter: RecordFilter,
    by: string,
  ): AsyncGenerator<T> {
    const collection = await this.names.collection(model);
    const sort: SortKey[] = [{ path: by, direction: 'asc' }];
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await this.readStore.find<T>(collection, { filter, sort, offset, limit: PAGE });
      yield* items;
      if (items.length < PAGE) return;
    }
  }
}

function fileEntry(file: AttachmentDoc) {
  return {
    id: file.id,
    recordId: file.recordId,
    entityType: file.entityType,
    name: file.name,
    size: file.size,
    contentType: file.contentType,
    sha256: file.sha256,
    createdAt: file.createdAt,
    zipPath: zipPathOf(file),
  };
}
