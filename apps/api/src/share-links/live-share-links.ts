import { Injectable, Logger } from '@nestjs/common';
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
import { ProblemException } from '../http/problem';
import { ShareLinkDocuments } from './share-link-documents';

/** Read in place of a link when the token matches none, so an unknown token costs the same reads. */
const NO_LINK_ID = '00000000-0000-0000-0000-000000000000';

/** The one answer for every dead link: unknown, revoked, expired, or its record or creator lost the access. */
export function shareLinkGone(): ProblemException {
  return ProblemException.of(404, 'share_link_not_found', 'This link does not exist or no longer works.');
}

/** A link its token opens, as its own stream has it now. */
export interface LiveShareLink {
  state: ShareLinkState;
  revision: number | 'no-stream';
}

/**
 * The link a token opens, for every use of a token (the view, a file's download): the token's hash
 * finds the link in the read model (one indexed read), the link's own stream says whether it is
 * revoked or expired (so a revocation works at once, whatever the projector's lag). Unknown, revoked
 * and expired tokens take the same two reads and the same 404; a link found expired records
 * ShareLinkExpired once, after the answer is decided, without holding it up. Whether the creator may
 * still read the record is the caller's next question (SharedRecordViews).
 */
@Injectable()
export class LiveShareLinks {
  private readonly logger = new Logger('ShareLinks');

  constructor(
    private readonly links: ShareLinkDocuments,
    private readonly commands: StreamCommands,
  ) {}

  async open(token: string, ctx: CommandContext): Promise<LiveShareLink> {
    const found = await this.links.byTokenHash(hashToken(token));
    const { state, revision } = await this.commands.read(shareLinkStream(found?.id ?? NO_LINK_ID), {
      evolve: evolveShareLink,
      initialState: initialShareLinkState,
    });
    if (found === null || state.tokenHash === null || !tokenMatchesHash(token, state.tokenHash)) {
      throw shareLinkGone();
    }
    if (!isShareLinkLive(state, ctx.now)) {
      if (!state.revoked && !state.expiryNoticed) void this.notice({ state, revision }, ctx);
      throw shareLinkGone();
    }
    return { state, revision };
  }

  /** ShareLinkFirstOpened or ShareLinkExpired, once each (decided again on a conflict). */
  async notice({ state, revision }: LiveShareLink, ctx: CommandContext): Promise<void> {
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
