import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { ContactSnapshots } from '../contact-snapshots';
import { InvitationIssuer } from '../invitation-issuer';
import { StaffEmailDomains } from '../staff-email-domains';
import { SendInvitationCommand } from './send-invitation.command';

/** InvitationSent (a resend supersedes the portal's previous invitation and its link). */
@CommandHandler(SendInvitationCommand)
export class SendInvitationHandler implements ICommandHandler<SendInvitationCommand> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly contacts: ContactSnapshots,
    private readonly staffDomains: StaffEmailDomains,
    private readonly invitations: InvitationIssuer,
  ) {}

  async execute({ portalUserId, portalId, ctx }: SendInvitationCommand): Promise<void> {
    const stream = portalUserStream(portalUserId);
    const { state, revision } = await this.repo.load<PortalUserState, PortalUserEvent>(
      stream,
      evolvePortalUser,
      initialPortalUserState,
    );
    const contact = state.contactId === null ? null : await this.contacts.of(state.contactId);
    const events = this.invitations.decide(state, [portalId], {
      ctx,
      staffEmailDomains: await this.staffDomains.current(),
      contactDeleted: contact?.deleted ?? false,
    });
    await this.invitations.remember(portalUserId, events);
    await this.repo.append(stream, events, revision, ctx);
  }
}
