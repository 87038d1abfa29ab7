import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { LiveRoles } from '../../portal-roles/live-roles';
import { PortalSeats } from '../../shared-streams/portal-seats';
import { UniqueValues } from '../../shared-streams/unique-values';
import { ContactSnapshots } from '../contact-snapshots';
import { ExistingPortalUsers } from '../existing-portal-users';
import { InvitationIssuer } from '../invitation-issuer';
import { StaffEmailDomains } from '../staff-email-domains';
import { SubjectRestrictions } from '../subject-restrictions';
import { CreatePortalUserCommand } from './create-portal-user.command';
import { createPortalUser, type CreatePortalUserPorts } from './create-portal-user.workflow';

/** POST /v1/portal-users: the workflow in create-portal-user.workflow.ts, under a new id. */
@CommandHandler(CreatePortalUserCommand)
export class CreatePortalUserHandler implements ICommandHandler<CreatePortalUserCommand> {
  readonly ports: CreatePortalUserPorts;

  constructor(
    commands: StreamCommands,
    contacts: ContactSnapshots,
    existing: ExistingPortalUsers,
    staffDomains: StaffEmailDomains,
    roles: LiveRoles,
    seats: PortalSeats,
    uniques: UniqueValues,
    invitations: InvitationIssuer,
    restrictions: SubjectRestrictions,
  ) {
    this.ports = {
      commands,
      uniques,
      seats,
      contacts,
      existing,
      roles,
      invitations,
      restrictions,
      staffEmailDomains: () => staffDomains.current(),
    };
  }

  execute({ body, ctx }: CreatePortalUserCommand): Promise<{ id: string }> {
    return createPortalUser(this.ports, body, ctx, randomUUID());
  }
}
