import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LiveShareLinks, shareLinkGone } from '../live-share-links';
import { ShareLinkDocuments } from '../share-link-documents';
import type { SharedRecord } from '../share-link.schemas';
import { SharedRecordViews } from './shared-record-views';
import { ViewSharedRecordCommand } from './view-shared-record.command';

/**
 * A view: the token opens a live link (LiveShareLinks), and only then is the creator's access
 * judged. A view that shows something is counted; the first is ShareLinkFirstOpened.
 */
@CommandHandler(ViewSharedRecordCommand)
export class ViewSharedRecordHandler implements ICommandHandler<ViewSharedRecordCommand, SharedRecord> {
  constructor(
    private readonly live: LiveShareLinks,
    private readonly links: ShareLinkDocuments,
    private readonly views: SharedRecordViews,
  ) {}

  async execute({ token, ctx }: ViewSharedRecordCommand): Promise<SharedRecord> {
    const link = await this.live.open(token, ctx);
    const view = await this.views.view(link.state, new Date(ctx.now));
    if (view === null || link.state.id === null) throw shareLinkGone();
    await this.links.countView(link.state.id, ctx.now);
    if (link.state.firstOpenedAt === null) await this.live.notice(link, ctx);
    return view;
  }
}
