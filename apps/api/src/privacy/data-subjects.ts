import { Inject, Injectable } from '@nestjs/common';
import { contactOwner, portalUserOwner, type DataOwner } from '@portal/domain';
import { READ_MODELS, ReadModelNames, type PortalUserDoc, type RecordDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../http/problem';
import { READ_STORE } from '../infrastructure/tokens';

/** A data subject: a contact with its portal users, or a portal user without a contact. */
export interface DataSubject {
  id: string;
  contactId: string | null;
  portalUserIds: string[];
  /** Their sign-in emails as the read models hold them now (to free the addresses). */
  emails: { portalUserId: string; email: string }[];
  /** Every data key holding the subject's values. */
  owners: DataOwner[];
}

/** Finds who a data-subject id names, from the read models. */
@Injectable()
export class DataSubjects {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /** The subject named by a contact id or a portal user id; 404 data_subject_not_found otherwise. */
  async resolve(id: string): Promise<DataSubject> {
    const users = await this.names.collection(READ_MODELS.portalUsers);
    const asUser = await this.readStore.get<PortalUserDoc>(users, id);
    const contactId = asUser ? asUser.contactId : (await this.contact(id)) ? id : null;
    if (!asUser && contactId === null) {
      throw ProblemException.of(404, 'data_subject_not_found', 'No contact or portal user has this id.');
    }
    const found = new Map<string, PortalUserDoc>(asUser ? [[asUser.id, asUser]] : []);
    if (contactId !== null) {
      const { items } = await this.readStore.find<PortalUserDoc>(users, {
        filter: { kind: 'eq', path: 'contactId', value: contactId },
        limit: 1000,
      });
      for (const user of items) found.set(user.id, user);
    }
    const ids = [...found.keys()].sort();
    return {
      id: contactId ?? id,
      contactId,
      portalUserIds: ids,
      emails: ids.map((portalUserId) => ({ portalUserId, email: found.get(portalUserId)!.email })),
      owners: [...(contactId ? [contactOwner(contactId)] : []), ...ids.map(portalUserOwner)],
    };
  }

  private async contact(id: string): Promise<RecordDoc | null> {
    const record = await this.readStore.get<RecordDoc>(await this.names.collection(READ_MODELS.records), id);
    return record?.entityType === 'Contact' ? record : null;
  }
}
