import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { CurrentPassword } from '../../auth/passwords/current-password';
import { UniqueValues } from '../../shared-streams/unique-values';
import { EmailChangeIssuer } from '../email-change-issuer';
import { PortalUserSessions } from '../portal-user-sessions';
import { StaffEmailDomains } from '../staff-email-domains';
import { RequestEmailChangeCommand, type EmailChangeOutcome } from './request-email-change.command';
import { requestEmailChange, type RequestEmailChangePorts } from './request-email-change.workflow';

/** Both email-change endpoints (admin and self-service): the workflow in request-email-change.workflow.ts. */
@CommandHandler(RequestEmailChangeCommand)
export class RequestEmailChangeHandler implements ICommandHandler<
  RequestEmailChangeCommand,
  EmailChangeOutcome
> {
  private readonly ports: RequestEmailChangePorts;

  constructor(
    commands: StreamCommands,
    staffDomains: StaffEmailDomains,
    currentPassword: CurrentPassword,
    changes: EmailChangeIssuer,
    uniques: UniqueValues,
    sessions: PortalUserSessions,
  ) {
    this.ports = {
      commands,
      uniques,
      staffEmailDomains: () => staffDomains.current(),
      currentPassword,
      changes,
      sessions,
    };
  }

  execute({
    portalUserId,
    newEmail,
    requester,
    ctx,
  }: RequestEmailChangeCommand): Promise<EmailChangeOutcome> {
    return requestEmailChange(this.ports, { portalUserId, newEmail, requester }, ctx);
  }
}
