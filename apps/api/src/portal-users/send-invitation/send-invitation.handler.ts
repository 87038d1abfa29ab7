import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { evolvePortalUser, initialPortalUserState, portalUserStream } from '@portal/domain';
import { ContactSnapshots } from '../contact-snapshots';
import { InvitationIssuer } from '../invitation-issuer';
import { StaffEmailDomains } from '../staff-email-domains';
import { SendInvitationCommand } from './send-invitation.command';

/** InvitationSent (a resend supersedes the portal's previous invitation and its link). */
@CommandHandler(SendInvitationCommand)
export class SendInvitationHandler implements ICommandHandler<SendInvitationCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly contacts: ContactSnapshots,
    private readonly staffDomains: StaffEmailDomains,
    private readonly invitations: InvitationIssuer,
  ) {}

  async execute({ portalUserId, portalId, ctx }: SendInvitationCommand): Promise<void> {
    const staffEmailDomains = await this.staffDomains.current();
    await this.commands.handle(
      {
        stream: portalUserStream(portalUserId),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        decide: async (state) => {
          const contact = state.contactId === null ? null : await this.contacts.of(state.contactId);
          const events = this.invitations.decide(state, [portalId], {
            ctx,
            staffEmailDomains,
            contactDeleted: contact?.deleted ?? false,
          });
          await this.invitations.remember(portalUserId, events);
          return events;
        },
      },
      ctx,
    );
  }
}
