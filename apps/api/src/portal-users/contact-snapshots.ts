import { Injectable } from '@nestjs/common';
import {
  CONTACT_ENTITY_TYPE,
  evolveRecord,
  initialRecordState,
  recordExists,
  recordStream,
  toAclRecord,
  type ContactSnapshot,
  type RecordEvent,
  type RecordState,
} from '@portal/domain';
import { AggregateRepository } from '../commands/aggregate-repository';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A Contact as a portal user is made from it, folded from the contact's own stream (a contact
 * created a moment ago counts): email, names, and the accounts of its account links.
 */
@Injectable()
export class ContactSnapshots {
  constructor(private readonly repo: AggregateRepository) {}

  /** null when there is no such contact. */
  async of(contactId: string): Promise<ContactSnapshot | null> {
    const { state } = await this.repo.load<RecordState, RecordEvent>(
      recordStream('Contact', contactId),
      evolveRecord,
      initialRecordState,
    );
    if (!recordExists(state) || state.entityType !== 'Contact') return null;
    const { fields } = state;
    const email = text(fields.email).trim();
    return {
      contactId,
      email: email === '' ? null : email,
      firstName: text(fields.firstName),
      lastName: text(fields.lastName),
      accountIds: toAclRecord(state, CONTACT_ENTITY_TYPE).accountIds,
      deleted: state.deleted,
    };
  }
}
