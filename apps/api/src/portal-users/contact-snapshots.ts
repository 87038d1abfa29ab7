import { Injectable } from '@nestjs/common';
import { StreamCommands } from '@portal/commands';
import {
  CONTACT_ENTITY_TYPE,
  evolveRecord,
  initialRecordState,
  recordExists,
  recordStream,
  toAclRecord,
  type ContactSnapshot,
} from '@portal/domain';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A Contact as a portal user is made from it, folded from the contact's own stream (a contact
 * created a moment ago counts): email, names, and the accounts of its account links.
 */
@Injectable()
export class ContactSnapshots {
  constructor(private readonly commands: StreamCommands) {}

  /** null when there is no such contact. */
  async of(contactId: string): Promise<ContactSnapshot | null> {
    const { state } = await this.commands.read(recordStream('Contact', contactId), {
      evolve: evolveRecord,
      initialState: initialRecordState,
    });
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
