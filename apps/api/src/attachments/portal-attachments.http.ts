import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canReadAttachment } from '@portal/acl';
import type { BlobStore } from '@portal/blob-store';
import type { CommandContext } from '@portal/commands';
import {
  decideAddAttachmentAsPortalUser,
  decideRemoveAttachmentAsPortalUser,
  recordStream,
} from '@portal/domain';
import type { AttachmentDoc, RecordDoc } from '@portal/read-models';
import { PortalUserAuth } from '../auth/auth.decorators';
import type { PortalAccess } from '../auth/portal-access';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../http/problem';
import { Ctx, CurrentPrincipal } from '../http/request-context';
import { UuidParam } from '../http/validated.decorators';
import { BLOB_STORE } from '../infrastructure/tokens';
import { Answers, Refuses } from '../openapi/answers.decorators';
import { RecordDocuments } from '../records/record-documents';
import { RecordStreamWriter } from '../records/record-stream-writer';
import { PortalCaller, userAccess } from '../self-service/portal-caller';
import { readableOr404 } from '../self-service/records/readable-record';
import { AttachmentDocuments } from './attachment-documents';
import { DownloadAnswers, UploadBody } from './attachment-openapi';
import { AttachmentUploads } from './attachment-uploads';
import {
  portalAttachmentListSchema,
  portalAttachmentSchema,
  portalAttachmentView,
  wholeList,
} from './attachment-view';
import { sendAttachment } from './download/send-attachment';
import { PLACEHOLDER_FILE } from './placeholder-file';

/** Whether this portal user may see this file of this record: the ACL's one check. */
function visible(access: PortalAccess, record: RecordDoc, doc: AttachmentDoc): boolean {
  return canReadAttachment(access.ctx, access.perms, access.user, record, doc);
}

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class PortalAttachmentsHttp {
  constructor(
    private readonly caller: PortalCaller,
    private readonly uploads: AttachmentUploads,
    private readonly attachments: AttachmentDocuments,
    private readonly records: RecordDocuments,
    private readonly writer: RecordStreamWriter,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post(':entityType/:id/attachments')
  @PortalUserAuth()
  @ApiOperation({
    summary: 'Attach a file to a record I may comment on or created (multipart, field `file`)',
  })
  @UploadBody(false)
  @Answers(201, 'The file as stored.', portalAttachmentSchema)
  @Refuses({
    400: '`file_required`, `file_empty`.',
    403: '`attachment_forbidden`: readable, but outside my stream level and not mine.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
    409: '`document_has_file`.',
    413: '`file_too_large` (MAX_UPLOAD_MB), `too_many_parts`.',
    415: '`file_type_not_allowed`, `multipart_required`.',
    422: '`too_many_attachments`.',
    429: '`too_many_uploads`.',
  })
  async upload(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    const def = await this.caller.shownType(access, entityType);
    const acl = userAccess(access);
    const decide =
      (file: typeof PLACEHOLDER_FILE) => (state: Parameters<typeof decideAddAttachmentAsPortalUser>[1]) =>
        decideAddAttachmentAsPortalUser(
          { type: 'AddAttachmentAsPortalUser', entityType, file },
          state,
          def,
          acl,
        );
    // Decided on a stand-in first (on the stream, so a case created a moment ago counts): a refusal
    // answers before a byte is stored.
    await this.writer.change(recordStream(entityType, id), undefined, ctx, (state) => {
      decide(PLACEHOLDER_FILE)(state);
      return [];
    });
    const doc = await this.uploads.upload(request, entityType, id, ctx, (file) => decide(file));
    return portalAttachmentView(doc);
  }

  @Get(':entityType/:id/attachments')
  @PortalUserAuth()
  @ApiOperation({ summary: 'The files of a record I may read (never internal ones)' })
  @Answers(200, 'The files I may see, oldest first.', portalAttachmentListSchema)
  @Refuses({ 404: 'Not readable, or of a type this portal does not show (never 403).' })
  async list(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { access, record } = await this.readable(principal, entityType, id);
    const docs = await this.attachments.ofRecord(entityType, id);
    return wholeList(docs.filter((doc) => visible(access, record, doc)).map(portalAttachmentView));
  }

  @Get(':entityType/:id/attachments/:attachmentId')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Download a file (Range, ETag; always as an attachment)' })
  @DownloadAnswers()
  @Refuses({ 404: 'The record or the file is not visible to me (never 403).' })
  async download(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { access, record } = await this.readable(principal, entityType, id);
    const doc = await this.attachments.get(entityType, id, attachmentId);
    if (!doc || !visible(access, record, doc)) {
      throw ProblemException.of(404, 'attachment_not_found', 'Attachment not found.');
    }
    await sendAttachment(request, reply, this.blobs, doc);
  }

  @Delete(':entityType/:id/attachments/:attachmentId')
  @HttpCode(204)
  @PortalUserAuth()
  @ApiOperation({ summary: 'Remove a file I uploaded' })
  @Answers(204, 'Removed.')
  @Refuses({
    403: '`attachment_remove_forbidden`: someone else uploaded it.',
    404: 'The record or the file is not visible to me.',
  })
  async remove(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    const access = await this.caller.access(principal);
    const def = await this.caller.shownType(access, entityType);
    await this.writer.change(recordStream(entityType, id), undefined, ctx, (state) =>
      decideRemoveAttachmentAsPortalUser(
        { type: 'RemoveAttachmentAsPortalUser', entityType, attachmentId },
        state,
        def,
        userAccess(access),
      ),
    );
  }

  private async readable(principal: Principal, entityType: string, id: string) {
    const access = await this.caller.access(principal);
    await this.caller.shownType(access, entityType);
    const record = readableOr404(await this.records.get(entityType, id), access);
    return { access, record };
  }
}
