import { Inject, Injectable } from '@nestjs/common';
import { MAX_ATTACHMENTS_PER_RECORD } from '@portal/domain';
import { READ_MODELS, ReadModelNames, type AttachmentDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../infrastructure/tokens';

/** The attachments read model. */
@Injectable()
export class AttachmentDocuments {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /** The files of one record, oldest first (at most the domain's bound per record). */
  async ofRecord(entityType: string, recordId: string): Promise<AttachmentDoc[]> {
    const { items } = await this.store.find(await this.names.collection(READ_MODELS.attachments), {
      filter: { kind: 'eq', path: 'recordId', value: recordId },
      sort: [{ path: 'createdAt', direction: 'asc' }],
      limit: MAX_ATTACHMENTS_PER_RECORD,
    });
    return (items as unknown as AttachmentDoc[]).filter((doc) => doc.entityType === entityType);
  }

  async get(entityType: string, recordId: string, id: string): Promise<AttachmentDoc | null> {
    const doc = (await this.store.get(
      await this.names.collection(READ_MODELS.attachments),
      id,
    )) as AttachmentDoc | null;
    return doc && doc.recordId === recordId && doc.entityType === entityType ? doc : null;
  }
}
