import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BlobStore } from '@portal/blob-store';
import type { CommandContext } from '@portal/commands';
import { DownloadAnswers } from '../../attachments/attachment-openapi';
import { sendAttachment } from '../../attachments/download/send-attachment';
import { clientInfoOf } from '../../auth/client/client-info';
import { failureLimited } from '../../auth/rate-limit/failure-limited';
import { RateLimiter } from '../../auth/rate-limit/rate-limiter';
import { Ctx } from '../../http/request-context';
import { BLOB_STORE } from '../../infrastructure/tokens';
import { Refuses } from '../../openapi/answers.decorators';
import { LiveShareLinks, shareLinkGone } from '../live-share-links';
import { SHARED_VIEW_PER_IP } from '../share-link-rate-limits';
import { SharedRecordViews } from '../view-shared-record/shared-record-views';

const attachmentIdSchema = z.uuid();

@ApiTags('share links')
@Controller('v1/shared')
export class DownloadSharedAttachmentHttp {
  constructor(
    private readonly live: LiveShareLinks,
    private readonly views: SharedRecordViews,
    private readonly rateLimiter: RateLimiter,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /**
   * A file of a shared record, through the same token and judged as the view lists it (the link's
   * creator may read it now). A download is not counted as a view and records no event: the file
   * is reached from a view, which is counted, and one download may be many requests (ranges,
   * resumes) that would inflate the count. Every refusal is the dead link's 404, limited alike.
   */
  @Get(':token/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download a file of a share link that includes files (Range, ETag)' })
  @ApiParam({ name: 'token', description: 'The token from the link', schema: { type: 'string' } })
  @ApiParam({ name: 'attachmentId', schema: { type: 'string', format: 'uuid' } })
  @DownloadAnswers()
  @Refuses({
    404: '`share_link_not_found`: the link is dead, includes no files, or this file is not one it shows (alike).',
    429: 'Too many unknown or dead links from this address (Retry-After).',
  })
  async download(
    @Param('token') token: string,
    @Param('attachmentId') attachmentId: string,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const limits = [{ limit: SHARED_VIEW_PER_IP, subject: clientInfoOf(request).ip }];
    await failureLimited(this.rateLimiter, limits, reply, async () => {
      const link = await this.live.open(token, ctx);
      const file = attachmentIdSchema.safeParse(attachmentId).success
        ? await this.views.attachment(link.state, new Date(ctx.now), attachmentId)
        : null;
      if (file === null) throw shareLinkGone();
      await sendAttachment(request, reply, this.blobs, file);
    });
  }
}
