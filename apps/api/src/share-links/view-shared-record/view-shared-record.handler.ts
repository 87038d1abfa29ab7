import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands, type CommandContext } from '@portal/commands';
import {
  decideNoticeShareLinkView,
  evolveShareLink,
  initialShareLinkState,
  isShareLinkLive,
  shareLinkStream,
  type ShareLinkState,
} from '@portal/domain';
import { hashToken, tokenMatchesHash } from '@portal/platform';
import { ProblemException } from '../../http/problem';
import { ShareLinkDocuments } from '../share-link-documents';
import type { SharedRecord } from '../share-link.schemas';
import { SharedRecordViews } from './shared-record-views';
import { ViewSharedRecordCommand } from './view-shared-record.command';

/** Read in place of a link when the token matches none, so an unknown token costs the same reads. */
const NO_LINK_ID = '00000000-0000-0000-0000-000000000000';

/** The one answer for every dead link: unknown, revoked, expired, or its record or creator lost the access. */
export function shareLinkGone(): ProblemException {
  return ProblemException.of(404, 'share_link_not_found', 'This link does not exist or no longer works.');
}

/**
 * A view: the token's hash finds the link in the read model (one indexed read), the link's own
 * stream says whether it is revoked or expired (so a revocation works at once, whatever the
 * projector's lag), and only then is the creator's access judged. Unknown, revoked and expired
 * tokens take the same two reads and the same 404; a link found expired records ShareLinkExpired
 * once, after the answer is decided, without holding it up.
 */
@CommandHandler(ViewSharedRecordCommand)
export class ViewSharedRecordHandler implements ICommandHandler<ViewSharedRecordCommand, SharedRecord> {
  private readonly logger = new Logger('ShareLinks');

  constructor(
    private readonly links: ShareLinkDocuments,
    private readonly commands: StreamCommands,
    private readonly views: SharedRecordViews,
  ) {}

  async execute({ token, ctx }: ViewSharedRecordCommand): Promise<SharedRecord> {
    const found = await this.links.byTokenHash(hashToken(token));
    const { state, revision } = await this.commands.read(shareLinkStream(found?.id ?? NO_LINK_ID), {
      evolve: evolveShareLink,
      initialState: initialShareLinkState,
    });
    if (found === null || state.tokenHash === null || !tokenMatchesHash(token, state.tokenHash)) {
      throw shareLinkGone();
    }
    if (!isShareLinkLive(state, ctx.now)) {
      if (!state.revoked && !state.expiryNoticed) void this.notice(state, revision, ctx);
      throw shareLinkGone();
    }
    const view = await this.views.view(state, new Date(ctx.now));
    if (view === null) throw shareLinkGone();
    await this.links.countView(found.id, ctx.now);
    if (state.firstOpenedAt === null) await this.notice(state, revision, ctx);
    return view;
  }

  /** ShareLinkFirstOpened or ShareLinkExpired, once each (decided again on a conflict). */
  private async notice(
    state: ShareLinkState,
    revision: number | 'no-stream',
    ctx: CommandContext,
  ): Promise<void> {
    if (state.id === null) return;
    try {
      await this.commands.handle(
        {
          stream: shareLinkStream(state.id),
          evolve: evolveShareLink,
          initialState: initialShareLinkState,
          given: { state, revision },
          decide: (current) =>
            decideNoticeShareLinkView({ type: 'NoticeShareLinkView', now: ctx.now }, current),
        },
        ctx,
      );
    } catch (error) {
      // The view itself is answered either way; the next view notices again.
      this.logger.warn(`Could not record a view of share link ${state.id}: ${(error as Error).message}`);
    }
  }
}
