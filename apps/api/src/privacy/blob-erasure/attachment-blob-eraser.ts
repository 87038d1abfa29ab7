import { Inject, Injectable } from '@nestjs/common';
import type { BlobStore } from '@portal/blob-store';
import type { EventStore } from '@portal/event-store';
import { BLOB_STORE, EVENT_STORE } from '../../infrastructure/tokens';
import { blobsOnlyTheirs, type AttachmentFact } from './blobs-only-theirs';

const PAGE = 1_000;
const ATTACHMENT_FACTS = {
  streamPrefixes: ['record-'],
  eventTypes: ['AttachmentAdded', 'AttachmentRemoved'],
};

/**
 * Deletes the blobs of the files a data subject's portal users uploaded, judged from the log (every
 * upload ever, removed ones too), never a blob someone else's attached file still holds.
 */
@Injectable()
export class AttachmentBlobEraser {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async eraseUploadsOf(portalUserIds: string[]): Promise<number> {
    if (portalUserIds.length === 0) return 0;
    const started = Date.now();
    const candidates = blobsOnlyTheirs(await this.attachmentFacts(), portalUserIds);
    let deleted = 0;
    for (const sha256 of candidates) {
      // Bytes stored again since the log was read belong to an upload in flight (someone else's
      // identical file, not yet in the log): the conditional delete keeps them, for the sweeper.
      if (await this.blobs.deleteIfStoredBefore(sha256, new Date(started))) deleted += 1;
    }
    return deleted;
  }

  /** Only the ids, hashes and uploaders of the log's attachment events (never names). */
  private async attachmentFacts(): Promise<AttachmentFact[]> {
    const facts: AttachmentFact[] = [];
    let after = -1;
    for (;;) {
      const page = await this.events.readAll({ after, limit: PAGE, filter: ATTACHMENT_FACTS });
      for (const { type, data } of page) {
        facts.push({
          type,
          data: { attachmentId: data.attachmentId, sha256: data.sha256, portalUserId: data.portalUserId },
        });
      }
      if (page.length < PAGE) return facts;
      after = page[page.length - 1].position;
    }
  }
}
