import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { LiveRoles } from '../../portal-roles/live-roles';
import { UniqueValues } from '../../shared-streams/unique-values';
import { DefaultPortalSwitch } from '../default-portal-switch';
import { UpdatePortalCommand, type UpdatedPortal } from './update-portal.command';
import { updatePortal, type UpdatePortalPorts } from './update-portal.workflow';

/** PATCH /v1/portals/{id}: the workflow in update-portal.workflow.ts. */
@CommandHandler(UpdatePortalCommand)
export class UpdatePortalHandler implements ICommandHandler<UpdatePortalCommand> {
  private readonly ports: UpdatePortalPorts;

  constructor(
    commands: StreamCommands,
    roles: LiveRoles,
    uniques: UniqueValues,
    defaults: DefaultPortalSwitch,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.ports = { commands, uniques, roles, defaults, publicUrl: config.publicUrl };
  }

  execute({ portalId, body, ifMatch, ctx }: UpdatePortalCommand): Promise<UpdatedPortal> {
    return updatePortal(this.ports, { portalId, body, ifMatch }, ctx);
  }
}
