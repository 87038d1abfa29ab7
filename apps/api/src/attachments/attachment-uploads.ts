import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { BlobStore } from '@portal/blob-store';
import type { CommandContext } from '@portal/commands';
import {
  recordStream,
  type AttachedFile,
  type AttachmentAdded,
  type DomainEvent,
  type RecordState,
} from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import type { AttachmentDoc } from '@portal/read-models';
import { BLOB_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { RecordStreamWriter } from '../records/record-stream-writer';
import { ConcurrentUploads } from './upload/concurrent-uploads';
import { receiveUpload } from './upload/receive-upload';

/** Decides the upload's event on the record's state, given the file as received. */
export type AttachmentDecision = (
  file: AttachedFile,
  fields: Record<string, string>,
) => (state: RecordState) => DomainEvent[];

/**
 * The write path of an upload, for staff and portal users alike: a slot of the user's concurrent
 * uploads (429), the bytes streamed into the blob store, then AttachmentAdded appended through the
 * record's decider. Bytes whose event is refused or never appended stay unreferenced until the
 * sweeper collects them.
 */
@Injectable()
export class AttachmentUploads {
  private readonly concurrent = new ConcurrentUploads();

  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly writer: RecordStreamWriter,
  ) {}

  get maxBytes(): number {
    return Math.floor((this.config.maxUploadMb ?? 25) * 1024 * 1024);
  }

  async upload(
    request: FastifyRequest,
    entityType: string,
    recordId: string,
    ctx: CommandContext,
    decision: AttachmentDecision,
  ): Promise<AttachmentDoc> {
    const userKey = `${ctx.actor.type}:${ctx.actor.id}`;
    return this.concurrent.run(userKey, async () => {
      const received = await receiveUpload(request, this.blobs, this.maxBytes);
      const file: AttachedFile = {
        attachmentId: randomUUID(),
        name: received.name,
        size: received.size,
        contentType: received.contentType,
        sha256: received.sha256,
      };
      const { appended } = await this.writer.change(
        recordStream(entityType, recordId),
        undefined,
        ctx,
        decision(file, received.fields),
      );
      const added = appended.find((e) => e.type === 'AttachmentAdded');
      if (!added) throw new Error('An upload must append AttachmentAdded');
      const data = added.data as AttachmentAdded['data'];
      return {
        id: data.attachmentId,
        recordId,
        entityType,
        name: data.name,
        size: data.size,
        contentType: data.contentType,
        sha256: data.sha256,
        isInternal: data.isInternal,
        commentId: null,
        commentIsInternal: false,
        portalUserId: data.portalUserId,
        createdAt: ctx.now,
        createdBy: ctx.actor,
      };
    });
  }
}
