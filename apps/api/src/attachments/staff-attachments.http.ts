import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStore } from '@portal/blob-store';
import type { CommandContext } from '@portal/commands';
import { decideAddAttachment, decideRemoveAttachment, recordStream } from '@portal/domain';
import { StaffAuth } from '../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../auth/record-staff-roles';
import { ProblemException } from '../http/problem';
import { Ctx } from '../http/request-context';
import { UuidParam } from '../http/validated.decorators';
import { BLOB_STORE } from '../infrastructure/tokens';
import { Answers, Refuses } from '../openapi/answers.decorators';
import { EntityTypeDefinitions } from '../records/entity-type-definitions';
import { RecordDocuments } from '../records/record-documents';
import { RecordStreamWriter } from '../records/record-stream-writer';
import { AttachmentDocuments } from './attachment-documents';
import { DownloadAnswers, UploadBody } from './attachment-openapi';
import { AttachmentUploads } from './attachment-uploads';
import {
  staffAttachmentListSchema,
  staffAttachmentSchema,
  staffAttachmentView,
  wholeList,
} from './attachment-view';
import { sendAttachment } from './download/send-attachment';
import { PLACEHOLDER_FILE } from './placeholder-file';

@ApiTags('attachments')
@Controller('v1/records')
export class StaffAttachmentsHttp {
  constructor(
    private readonly uploads: AttachmentUploads,
    private readonly attachments: AttachmentDocuments,
    private readonly records: RecordDocuments,
    private readonly definitions: EntityTypeDefinitions,
    private readonly writer: RecordStreamWriter,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post(':entityType/:id/attachments')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Attach a file to a record (multipart, field `file`; streamed)' })
  @UploadBody(true)
  @Answers(
    201,
    'The file as stored: its name normalised, type told from its bytes, SHA-256.',
    staffAttachmentSchema,
  )
  @Refuses({
    400: '`file_required`, `file_empty`.',
    404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.',
    409: '`document_has_file`: a Document holds one file.',
    413: '`file_too_large` (MAX_UPLOAD_MB), `too_many_parts`.',
    415: '`file_type_not_allowed`, `multipart_required`.',
    422: '`too_many_attachments`.',
    429: '`too_many_uploads`: too many uploads of mine at once.',
  })
  async upload(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
    @Ctx() ctx: CommandContext,
  ) {
    await this.definitions.require(entityType);
    // The same decision on a stand-in file first: a refusal answers before any byte is stored.
    await this.writer.change(recordStream(entityType, id), undefined, ctx, (state) => {
      decideAddAttachment({ type: 'AddAttachment', entityType, file: PLACEHOLDER_FILE }, state);
      return [];
    });
    const doc = await this.uploads.upload(
      request,
      entityType,
      id,
      ctx,
      (file, fields) => (state) =>
        decideAddAttachment(
          { type: 'AddAttachment', entityType, file, isInternal: fields.isInternal === 'true' },
          state,
        ),
    );
    return staffAttachmentView(doc);
  }

  @Get(':entityType/:id/attachments')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: "A record's files, internal ones included, oldest first" })
  @Answers(200, 'Every file of the record.', staffAttachmentListSchema)
  @Refuses({ 404: '`entity_type_not_found`, `record_not_found`.' })
  async list(@Param('entityType') entityType: string, @UuidParam('id') id: string) {
    await this.liveRecord(entityType, id);
    const docs = await this.attachments.ofRecord(entityType, id);
    return wholeList(docs.map(staffAttachmentView));
  }

  @Get(':entityType/:id/attachments/:attachmentId')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Download a file (Range, ETag; always as an attachment)' })
  @DownloadAnswers()
  @Refuses({ 404: '`record_not_found`, `attachment_not_found`.' })
  async download(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.liveRecord(entityType, id);
    const doc = await this.attachments.get(entityType, id, attachmentId);
    if (!doc) throw ProblemException.of(404, 'attachment_not_found', 'Attachment not found.');
    await sendAttachment(request, reply, this.blobs, doc);
  }

  @Delete(':entityType/:id/attachments/:attachmentId')
  @HttpCode(204)
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Remove a file from a record (AttachmentRemoved; history keeps its metadata)' })
  @Answers(204, 'Removed.')
  @Refuses({ 404: '`record_not_found`, `record_deleted`, `attachment_not_found`.' })
  async remove(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.definitions.require(entityType);
    await this.writer.change(recordStream(entityType, id), undefined, ctx, (state) =>
      decideRemoveAttachment({ type: 'RemoveAttachment', entityType, attachmentId }, state),
    );
  }

  private async liveRecord(entityType: string, id: string) {
    await this.definitions.require(entityType);
    const record = await this.records.get(entityType, id);
    if (!record || record.deleted) throw ProblemException.of(404, 'record_not_found', 'Record not found.');
    return record;
  }
}
