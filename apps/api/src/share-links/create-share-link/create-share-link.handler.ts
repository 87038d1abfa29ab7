import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideCreateShareLink,
  evolveShareLink,
  initialShareLinkState,
  shareLinkStream,
} from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { drawShareLinkToken } from '../share-link-token';
import type { CreatedShareLink } from '../share-link.schemas';
import { CreateShareLinkCommand } from './create-share-link.command';

/**
 * Draws the token, appends ShareLinkCreated with its hash on a new stream and hands the token back
 * this once, inside the link's URL (`PUBLIC_URL/s/<token>`). The token is kept nowhere.
 */
@CommandHandler(CreateShareLinkCommand)
export class CreateShareLinkHandler implements ICommandHandler<CreateShareLinkCommand, CreatedShareLink> {
  constructor(
    private readonly commands: StreamCommands,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(command: CreateShareLinkCommand): Promise<CreatedShareLink> {
    const { creator, entityType, recordId, maxDays, body, ctx } = command;
    const linkId = randomUUID();
    const { token, tokenHash } = drawShareLinkToken();
    const { events } = await this.commands.handle(
      {
        stream: shareLinkStream(linkId),
        evolve: evolveShareLink,
        initialState: initialShareLinkState,
        expected: 'no-stream',
        decide: (state) =>
          decideCreateShareLink(
            {
              type: 'CreateShareLink',
              linkId,
              tokenHash,
              entityType,
              recordId,
              createdBy: creator,
              expiresAt: body.expiresAt,
              maxDays,
              includeComments: body.includeComments,
              includeAttachments: body.includeAttachments,
              note: body.note,
              now: ctx.now,
            },
            state,
          ),
      },
      ctx,
    );
    const [created] = events;
    if (!created) throw new Error('A new share link is one ShareLinkCreated');
    return {
      id: linkId,
      url: `${this.config.publicUrl}/s/${token}`,
      token,
      expiresAt: created.data.expiresAt,
    };
  }
}
