import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideRevokeShareLink,
  DomainError,
  evolveShareLink,
  initialShareLinkState,
  shareLinkStream,
  type ShareLinkState,
} from '@portal/domain';
import { RevokeShareLinkCommand, type RevocableLinks } from './revoke-share-link.command';

function isRevocable(state: ShareLinkState, revocable: RevocableLinks): boolean {
  return (
    state.entityType === revocable.entityType &&
    state.recordId === revocable.recordId &&
    (revocable.creatorId === undefined || state.createdBy?.id === revocable.creatorId)
  );
}

/**
 * Decided on the link's own stream, so the very next view is refused. A link of another record, or
 * a portal user's attempt on someone else's link, is the 404 of an unknown one.
 */
@CommandHandler(RevokeShareLinkCommand)
export class RevokeShareLinkHandler implements ICommandHandler<RevokeShareLinkCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ linkId, revocable, ctx }: RevokeShareLinkCommand): Promise<void> {
    await this.commands.handle(
      {
        stream: shareLinkStream(linkId),
        evolve: evolveShareLink,
        initialState: initialShareLinkState,
        decide: (state) => {
          if (state.exists && !isRevocable(state, revocable)) {
            throw new DomainError('share_link_not_found', 'Share link not found.', 'not-found');
          }
          return decideRevokeShareLink({ type: 'RevokeShareLink' }, state);
        },
      },
      ctx,
    );
  }
}
