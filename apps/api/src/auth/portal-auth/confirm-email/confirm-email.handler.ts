import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { UniqueValues } from '../../../shared-streams/unique-values';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { PortalUserStates } from '../../state/portal-user-states';
import { AuthPortal } from '../auth-portal';
import { ConfirmEmailCommand } from './confirm-email.command';
import { confirmEmail, type ConfirmEmailPorts } from './confirm-email.workflow';

/** POST /v1/portals/{slug}/auth/confirm-email: the workflow in confirm-email.workflow.ts. */
@CommandHandler(ConfirmEmailCommand)
export class ConfirmEmailHandler implements ICommandHandler<ConfirmEmailCommand> {
  private readonly ports: ConfirmEmailPorts;

  constructor(
    private readonly portals: AuthPortal,
    tokens: OneTimeTokens,
    users: PortalUserStates,
    commands: StreamCommands,
    uniques: UniqueValues,
  ) {
    this.ports = { commands, tokens, users, uniques };
  }

  async execute({ slug, token, ctx }: ConfirmEmailCommand): Promise<{ email: string }> {
    const portal = await this.portals.bySlug(slug);
    return confirmEmail(this.ports, { portalId: portal.id, token }, ctx);
  }
}
